#!/usr/bin/env python3
"""Independent FSRS-6 reference values for FsrsTests.cs.

Written straight from the published formulas (fsrs4anki wiki "The Algorithm", FSRS-6 section;
py-fsrs / fsrs-rs), not from our C#. Run `python3 fsrs6_reference.py` and compare with the
constants hard-coded in FsrsTests.cs.
"""
import math

W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
     1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]
S_MIN, S_MAX = 0.001, 36500.0


def decay(w): return -w[20]
def factor(w): return 0.9 ** (1 / decay(w)) - 1          # = 0.9^(-1/w20) - 1
def clamp_d(d): return min(max(d, 1.0), 10.0)
def clamp_s(s): return min(max(s, S_MIN), S_MAX)


def retrievability(w, t, s):
    return (1 + factor(w) * t / s) ** decay(w)


def interval(w, s, r):
    return s / factor(w) * (r ** (1 / decay(w)) - 1)


def d0(w, g):  # unclamped; clamped when used as a state
    return w[4] - math.exp(w[5] * (g - 1)) + 1


def initial(w, g):
    return clamp_s(w[g - 1]), clamp_d(d0(w, g))


def next_d(w, d, g):
    delta = -w[6] * (g - 3)
    damped = d + delta * (10 - d) / 9               # linear damping
    return clamp_d(w[7] * d0(w, 4) + (1 - w[7]) * damped)  # mean reversion to D0(Easy)


def recall_s(w, d, s, r, g):
    hard = w[15] if g == 2 else 1
    easy = w[16] if g == 4 else 1
    return s * (1 + math.exp(w[8]) * (11 - d) * s ** -w[9] * (math.exp(w[10] * (1 - r)) - 1) * hard * easy)


def forget_s(w, d, s, r):
    long_term = w[11] * d ** -w[12] * ((s + 1) ** w[13] - 1) * math.exp(w[14] * (1 - r))
    return min(long_term, s / math.exp(w[17] * w[18]))


def short_term_s(w, s, g):
    sinc = math.exp(w[17] * (g - 3 + w[18])) * s ** -w[19]
    if g >= 3:
        sinc = max(sinc, 1.0)
    return s * sinc


def step(w, state, t, g):
    s, d = state
    if t < 1:
        ns = short_term_s(w, s, g)
    else:
        r = retrievability(w, t, s)
        ns = forget_s(w, d, s, r) if g == 1 else recall_s(w, d, s, r, g)
    return clamp_s(ns), next_d(w, d, g)


if __name__ == "__main__":
    print(f"factor = {factor(W):.12f}")
    for g in range(1, 5):
        s, d = initial(W, g)
        print(f"initial[{g}]  S={s:.12f}  D={d:.12f}")

    # Good on day 0, Good after 3 days, Again after 10 days, Good after 2 days.
    state = initial(W, 3)
    print(f"after Good           S={state[0]:.12f} D={state[1]:.12f}")
    for t, g, label in [(3, 3, "Good +3d"), (10, 1, "Again +10d"), (2, 3, "Good +2d")]:
        r = retrievability(W, t, state[0])
        state = step(W, state, t, g)
        print(f"after {label:<14} R_before={r:.12f} S={state[0]:.12f} D={state[1]:.12f}")

    # Same-day (short-term) updates from the initial Good state.
    for g in range(1, 5):
        s, d = step(W, initial(W, 3), 0.01, g)
        print(f"same-day {g} from Good  S={s:.12f} D={d:.12f}")

    for s in (1.0, 2.3065, 10.0, 100.0):
        print(f"interval S={s}: r=0.9 -> {interval(W, s, 0.9):.12f}  r=0.8 -> {interval(W, s, 0.8):.12f}")

    print(f"R(t=5,S=10) = {retrievability(W, 5, 10):.12f}")
    print(f"R(t=30,S=10) = {retrievability(W, 30, 10):.12f}")

    # Clamps: repeated Easy drives D to 1; repeated Again to 10; tiny stability stays >= S_MIN.
    state = initial(W, 4)
    for _ in range(3):
        state = step(W, state, 30, 4)
    print(f"Easy x4            S={state[0]:.12f} D={state[1]:.12f}")
    state = initial(W, 1)
    for _ in range(5):
        state = step(W, state, 0.0, 1)
    print(f"Again same-day x6  S={state[0]:.12f} D={state[1]:.12f}")
    print(f"forget unclamped from S=0.001: {forget_s(W, 10, 0.001, 0.0):.3e}")
