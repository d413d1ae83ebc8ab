#!/usr/bin/env python3
"""Trains one epoch of a benchmark model with Keras 3 (JAX backend, CPU) and prints its throughput.

Usage: keras_bench.py <dense|convnet|lstm> [--threads N] [--samples N]

The models are the book's, built and trained the way a Keras user would: `model.fit` with its
defaults (XLA-compiled train step, shuffling), RMSprop with its defaults, `verbose=0` so a progress
bar costs nothing. KERAS_BACKEND may name another backend; the JAX one is what setup-references
installs.
"""

import os

import harness

arguments = harness.parse_arguments("keras_bench.py", __doc__.splitlines()[0])
os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402  (imported after the thread variables are set)
from keras_models import make_model  # noqa: E402

backend = keras.backend.backend()
keras.utils.set_random_seed(0)


def load_data(name, samples):
    """Returns (inputs, targets) as numpy arrays in the layout the model expects."""
    if name == "lstm":
        tokens, labels = harness.load_sequences(samples)
        return tokens.astype("int32"), labels
    images, labels = harness.load_fashion_mnist(samples)
    if name == "convnet":
        images = images[..., None]
    return images, labels


def main():
    inputs, targets = load_data(arguments.model, arguments.samples)
    model = make_model(arguments.model)
    parameters = model.count_params()
    harness.check_parameter_count(arguments.model, parameters)
    harness.report(f"keras {keras.__version__} ({backend}): {arguments.model}, {parameters} parameters, "
                   f"{arguments.samples} samples, batch {arguments.batch_size}, "
                   f"numpy BLAS: {harness.blas_summary()}")

    # Warm-up: XLA compiles the train step once per batch shape, so fit one full batch and, when
    # the epoch ends on one, one batch of the last size before the clock starts.
    batch_size = arguments.batch_size
    with harness.Stopwatch() as warm_up:
        for size in harness.warm_up_batch_sizes(len(inputs), batch_size):
            model.fit(inputs[:size], targets[:size], batch_size=batch_size, epochs=1, verbose=0)
    harness.report(f"warm-up: {warm_up.seconds:.3f} s (not timed; includes XLA compilation)")

    with harness.Stopwatch() as epoch:
        history = model.fit(inputs, targets, batch_size=batch_size, epochs=1, shuffle=True, verbose=0)
        # JAX dispatches work asynchronously, so wait until the updated weights exist before stopping.
        keras.ops.convert_to_numpy(model.trainable_weights[0])
    harness.report(f"epoch: {epoch.seconds:.3f} s, mean training loss {history.history['loss'][-1]:.4f}")
    harness.print_result(arguments, epoch.seconds, f"keras-{backend}")


harness.run(main)
