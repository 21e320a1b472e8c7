"""Branch-free fits of tanh, tan and exp2 for the voice kernels (libm's cannot vectorise).

Error bounds, measured densely over the ranges the ladder uses (tests/engine/modules/test_voice_kernels.py):
tanh 4.2e-8 absolute (−147 dB) everywhere; tan 1.7e-13 relative on 0…0.45π (cutoffs up to the
ladder's 0.45·fs guard); exp2 3e-13 relative on 0…8 (four octaves × amount × accented envelope).
"""
from __future__ import annotations

from numba import njit

TANH_CLIP = 9.0        # tanh(x) = x·P(x²)/Q(x²) inside ±TANH_CLIP, ±1 beyond
_TP = (0.9999999983324083, 0.13414282620895127, 0.0035347183043788685, 2.1235345660069323e-05,
       1.418347067953919e-08)
_TQ = (0.46747612308458797, 0.02602683488977433, 0.0003348903781095414, 8.124325282473684e-07)
_NP = (1.0000000000000628, -0.12846792624580392, 0.0028265227160316764, -7.686442955283685e-06)   # tan, |x| ≤ 0.45π
_NQ = (-0.46180125957477386, 0.023426942542854993, -0.000211419904001987)
_E2 = (1.0, 0.6931471805636414, 0.24022650683680985, 0.055504110226864266, 0.00961811900273389,    # 2^x, 0 ≤ x ≤ 1
       0.0013333932573686973, 0.0001539511575002563, 1.5369059849543064e-05, 1.2255205967545062e-06,
       1.4437463478103438e-07)


@njit(cache=True, error_model="numpy", inline="always")
def fast_tanh(x):
    x = min(TANH_CLIP, max(-TANH_CLIP, x))
    z = x * x             # Estrin's scheme: a short dependency chain (the ladder's feedback waits on it)
    z2 = z * z
    z4 = z2 * z2
    p = (_TP[0] + _TP[1] * z) + z2 * (_TP[2] + _TP[3] * z) + z4 * _TP[4]
    q = (1.0 + _TQ[0] * z) + z2 * (_TQ[1] + _TQ[2] * z) + z4 * _TQ[3]
    return min(1.0, max(-1.0, x * p / q))


@njit(cache=True, error_model="numpy", inline="always")
def fast_tan(x):
    """tan(x) for 0 ≤ x ≤ 0.45π."""
    z = x * x
    return x * (_NP[0] + z * (_NP[1] + z * (_NP[2] + z * _NP[3]))) / (1.0 + z * (_NQ[0] + z * (_NQ[1] + z * _NQ[2])))


@njit(cache=True, error_model="numpy", inline="always")
def fast_exp2(x):
    """2^x for 0 ≤ x ≤ 8: a polynomial for 2^(x/8), cubed by squaring (exactly 1 at 0)."""
    t = x * 0.125
    y = _E2[0] + t * (_E2[1] + t * (_E2[2] + t * (_E2[3] + t * (_E2[4] + t * (_E2[5] + t * (
        _E2[6] + t * (_E2[7] + t * (_E2[8] + t * _E2[9]))))))))
    y *= y
    y *= y
    return y * y
