"""Scripts shared by the supervisor tests (written to tmp_path by each test)."""

ACID = """add a saw at 110 hz
add acid filter at 800hz
resonance 80%
bass notes a2 c3 e3 g2
play X.x.x..xx.X.x.x. on saw1
play x...x...x...x... on kick
tempo 126
start
"""


def with_crashes(times_ms: list[int], which: str = "active", tail: str = "wait 1s") -> str:
    """ACID, then a crash of `which` at each time (ms after the start)."""
    lines, now = [ACID], 0
    for at in times_ms:
        lines.append(f"wait {at - now}ms")
        lines.append(f"/engine/crash {which}")
        now = at
    lines.append(tail)
    return "\n".join(lines) + "\n"
