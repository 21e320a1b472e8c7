"""A /patch/create flood over real UDP against the real supervisor: the admission guard refuses what
the engine could not render in time, the music keeps up, and removing the modules frees room at once."""
import time

from pythonosc.osc_message_builder import OscMessageBuilder

from chronus_shell.supervisor.rings import LOST_BLOCKS, READ_BLOCK

FLOOD = 3000


def packet(address: str, *args) -> bytes:
    builder = OscMessageBuilder(address)
    for arg in args:
        builder.add_arg(arg)
    return builder.build().dgram


def keeps_up(live, seconds: float) -> bool:
    """The output played `seconds` more without a lost block."""
    lost = live.words(LOST_BLOCKS)
    live.wait_played(seconds)
    return live.words(LOST_BLOCKS) == lost


def test_a_create_flood_is_refused_at_the_budget_and_the_music_keeps_up(live, client):
    client.raw(packet("/patch/create", "tone", "sine"))
    client.raw(packet("/patch/connect", "tone", "master"))
    live.wait_handled(2)
    sent, started = 2, time.monotonic()
    for index in range(1, FLOOD + 1):
        client.raw(packet("/patch/create", f"saw{index}", "saw"))
        sent += 1
        while sent - live.server.datagrams > 100:    # as fast as the server takes them (the kernel
            time.sleep(0.001)                          # would drop what overflows its buffer)
    live.wait_handled(sent, timeout=60)
    print(f"{FLOOD} creates handled in {time.monotonic() - started:.1f} s")
    modules = live.supervisor.plan._live_shape.types
    budget = live.supervisor.admission.budget_s / live.supervisor.admission.cost("saw")
    assert 2 < len(modules) <= budget + 2 < FLOOD                   # the guard stopped the flood
    assert live.server.rejected == FLOOD + 2 - len(modules)
    live.wait_played(0.5)                                           # the stamped creates play out
    assert keeps_up(live, 1.0)                                      # under the budget: no lost block
    level_block = live.words(READ_BLOCK)
    for module_id in [m for m in modules if m.startswith("saw")]:
        client.raw(packet("/patch/remove", module_id))
        sent += 1
        while sent - live.server.datagrams > 100:
            time.sleep(0.001)
    live.wait_handled(sent, timeout=30)
    live.wait_played(0.5)      # the removals stamped ahead of the output play out (each one a short fade)
    assert keeps_up(live, 1.0) and live.words(READ_BLOCK) > level_block
    client.raw(packet("/patch/create", "saw1", "saw"))              # room again as soon as they went
    live.wait_handled(sent + 1)
    assert "saw1" in live.supervisor.plan._live_shape.types
