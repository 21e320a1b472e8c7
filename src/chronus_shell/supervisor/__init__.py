"""The embedded dual-slot supervisor: output and slot processes, rings, failover, recording.

Supervisor is imported at first use (PEP 562): `chronus render` reads only the Config, and the
supervisor's imports (multiprocessing, the rings, the slots) would cost it start-up time."""
from .config import Config, ConfigError

__all__ = ["Config", "ConfigError", "Supervisor", "SupervisorError"]


def __getattr__(name: str):
    if name in ("Supervisor", "SupervisorError"):
        from . import supervisor
        return getattr(supervisor, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
