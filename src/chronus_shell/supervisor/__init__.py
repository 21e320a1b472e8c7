"""The embedded dual-slot supervisor: output and slot processes, rings, failover, recording."""
from .config import Config, ConfigError
from .supervisor import Supervisor, SupervisorError

__all__ = ["Config", "ConfigError", "Supervisor", "SupervisorError"]
