"""The JACK dummy server fixture, shared with the supervisor tests."""
from supervisor.conftest import jack_server  # noqa: F401
