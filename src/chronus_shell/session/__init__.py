"""Session layer: snapshots (JSON, schema_version, atomic), autosave, and the WAV recorder."""
from .autosave import Autosave, discard_recovery, pending_recovery, recover, set_aside_recovery
from .paths import SessionError, data_dir, sessions_dir
from .recorder import Recorder, repair_wav
from .snapshot import delete_session, list_sessions, load_session, save_session, state_to_messages

__all__ = [
    "Autosave", "pending_recovery", "recover", "discard_recovery", "set_aside_recovery",
    "SessionError", "data_dir", "sessions_dir",
    "Recorder", "repair_wav",
    "save_session", "load_session", "list_sessions", "delete_session", "state_to_messages",
]
