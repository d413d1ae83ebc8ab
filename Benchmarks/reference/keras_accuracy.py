#!/usr/bin/env python3
"""Trains the book's Fashion-MNIST convnet with Keras 3 for 5 epochs and prints its test accuracy.

Usage: Benchmarks/.venv/bin/python Benchmarks/reference/keras_accuracy.py SEED [SEED ...]

The recipe is the one `fashion-mnist-example convnet` uses: all 60,000 training images scaled to
[0, 1], RMSprop with Keras's defaults, batch 64, shuffling each epoch, then one evaluation on the
10,000 test images. It answers one question: does redbook's accuracy after 5 epochs differ from
what Keras reaches with the same model and recipe? Each seed takes several minutes on 2 cores.
"""

import os
import sys
import time

import harness

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402  (imported after the backend is chosen)
from keras_models import make_model  # noqa: E402


def load_split(prefix):
    """Returns (images, labels) of one Fashion-MNIST split, images as float32 [n, 28, 28, 1] in [0, 1]."""
    directory = harness.FASHION_MNIST_DIRECTORY
    images = harness.read_idx(os.path.join(directory, f"{prefix}-images-idx3-ubyte.gz"))
    labels = harness.read_idx(os.path.join(directory, f"{prefix}-labels-idx1-ubyte.gz"))
    return (images.astype("float32") / 255.0)[..., None], labels.astype("int64")


def main():
    seeds = [int(argument) for argument in sys.argv[1:]]
    if not seeds:
        sys.exit(__doc__.strip().splitlines()[2])

    train_images, train_labels = load_split("train")
    test_images, test_labels = load_split("t10k")
    for seed in seeds:
        keras.utils.set_random_seed(seed)
        model = make_model("convnet", metrics=["accuracy"])
        start = time.time()
        model.fit(train_images, train_labels, epochs=5, batch_size=64, verbose=0)
        loss, accuracy = model.evaluate(test_images, test_labels, verbose=0)
        print(f"keras {keras.__version__} seed {seed}: test accuracy {accuracy:.4f}, "
              f"test loss {loss:.4f}, training {time.time() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
