"""The book's models in Keras 3, shared by the throughput benchmark and the accuracy check.

Import this module after choosing the Keras backend and the thread settings, because importing it
imports Keras.
"""

import harness
import keras


def make_model(name, metrics=()):
    """Returns the book's model `name` (dense, convnet or lstm), compiled with RMSprop at the
    benchmarks' settings and `metrics`."""
    layers = keras.layers
    if name == "dense":
        model = keras.Sequential([
            keras.Input(shape=(28, 28)),
            layers.Flatten(),
            layers.Dense(512, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ])
        loss = "sparse_categorical_crossentropy"
    elif name == "convnet":
        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(64, 3, activation="relu"),
            layers.Flatten(),
            layers.Dense(64, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ])
        loss = "sparse_categorical_crossentropy"
    else:
        model = keras.Sequential([
            keras.Input(shape=(None,), dtype="int32"),
            layers.Embedding(10_000, 32),
            layers.LSTM(32),
            layers.Dense(1, activation="sigmoid"),
        ])
        loss = "binary_crossentropy"

    optimizer = keras.optimizers.RMSprop(learning_rate=harness.LEARNING_RATE, rho=harness.RHO,
                                         epsilon=harness.EPSILON)
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model
