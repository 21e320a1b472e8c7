"""A full memory barrier for the shell and the slots (stamp_hold.py), compiled once by numba and
loaded from its cache: no later load is done before an earlier store is visible to every CPU."""
from numba import njit, types
from numba.extending import intrinsic


@intrinsic
def _fence(typingctx):
    def codegen(context, builder, signature, args):
        builder.fence("seq_cst")
        return context.get_dummy_value()
    return types.void(), codegen


@njit("void()", cache=True)
def full_fence() -> None:
    _fence()
