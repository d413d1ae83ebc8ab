#include "CKernels.h"

// One build per x86-64 feature level. Other architectures get a single build for their baseline.
#if defined(__x86_64__) && defined(__linux__)
#define REDBOOK_VERSIONED __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define REDBOOK_VERSIONED
#endif

// clang vectorizes `__builtin_elementwise_sqrt`, which has no errno side effect. A `sqrtf` call
// may set errno, so with it the loop stays scalar.
REDBOOK_VERSIONED
void redbook_rmsprop_update(float *restrict weights, const float *restrict gradients,
                            float *restrict averages, size_t count, float rate, float rho,
                            float epsilon) {
    const float mix = 1.0f - rho;
    for (size_t i = 0; i < count; i++) {
        const float g = gradients[i];
        const float average = rho * averages[i] + mix * (g * g);
        averages[i] = average;
        weights[i] -= rate * g / __builtin_elementwise_sqrt(average + epsilon);
    }
}

REDBOOK_VERSIONED
void redbook_adam_update(float *restrict weights, const float *restrict gradients,
                         float *restrict first_moments, float *restrict second_moments,
                         size_t count, float step, float beta1, float beta2, float epsilon) {
    const float mix_first = 1.0f - beta1;
    const float mix_second = 1.0f - beta2;
    for (size_t i = 0; i < count; i++) {
        const float g = gradients[i];
        const float m = first_moments[i] + (g - first_moments[i]) * mix_first;
        const float v = second_moments[i] + (g * g - second_moments[i]) * mix_second;
        first_moments[i] = m;
        second_moments[i] = v;
        weights[i] -= step * m / (__builtin_elementwise_sqrt(v) + epsilon);
    }
}
