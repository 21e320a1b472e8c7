"""The JACK dummy server fixture, shared with the supervisor tests."""
from supervisor import conftest as supervisor_conftest

jack_server = supervisor_conftest.jack_server
