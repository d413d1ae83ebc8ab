// Element-wise kernels written in C so that clang vectorizes them for the machine they run on.
//
// Swift compiles the library for baseline x86-64, whose vectors are 4 floats wide, and turns a
// SIMD square root into one scalar `sqrtss` per lane. These functions are compiled in several
// versions (AVX-512, AVX2 with FMA, baseline) and the loader picks the widest the CPU supports.
// Pointers passed to one call must not overlap.

#ifndef REDBOOK_CKERNELS_H
#define REDBOOK_CKERNELS_H

#include <stddef.h>

/// RMSprop over `count` weights: `s = rho·s + (1 − rho)·g²`, then `w −= rate·g / √(s + epsilon)`.
void redbook_rmsprop_update(float *weights, const float *gradients, float *averages, size_t count,
                            float rate, float rho, float epsilon);

/// Adam over `count` weights: `m += (g − m)·(1 − beta1)`, `v += (g² − v)·(1 − beta2)`, then
/// `w −= step·m / (√v + epsilon)`; the bias correction is folded into `step` by the caller.
void redbook_adam_update(float *weights, const float *gradients, float *first_moments,
                         float *second_moments, size_t count, float step, float beta1, float beta2,
                         float epsilon);

#endif
