#!/usr/bin/env python3
"""Trains one epoch of a benchmark model with PyTorch (eager, CPU) and prints its throughput.

Usage: torch_bench.py <dense|convnet|lstm> [--threads N] [--samples N]

The models match the Keras definitions in keras_bench.py. They use Keras's initializers (Glorot
uniform weights, zero biases) and RMSprop with Keras's defaults. The loss is the usual PyTorch form
of the same one: softmax + cross-entropy as CrossEntropyLoss, sigmoid + binary cross-entropy as
BCEWithLogitsLoss.
"""

import harness

arguments = harness.parse_arguments("torch_bench.py", __doc__.splitlines()[0])

import numpy  # noqa: E402  (imported after the thread variables are set)
import torch  # noqa: E402
from torch import nn  # noqa: E402

torch.set_num_threads(arguments.threads)
# Inter-op parallelism would run independent operators side by side on threads beyond --threads.
torch.set_num_interop_threads(1)
torch.manual_seed(0)


def keras_initialized(model):
    """Re-initializes every layer the way Keras does by default, so both references start alike."""
    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(module.weight)
            nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.uniform_(module.weight, -0.05, 0.05)
        elif isinstance(module, nn.LSTM):
            for name, parameter in module.named_parameters():
                if name.startswith("weight_ih"):
                    nn.init.xavier_uniform_(parameter)
                elif name.startswith("weight_hh"):
                    nn.init.orthogonal_(parameter)
                else:
                    nn.init.zeros_(parameter)
            # Keras starts the forget gate's bias at 1 (unit_forget_bias); PyTorch orders the gates
            # input, forget, cell, output, and adds bias_ih and bias_hh, so one of them carries it.
            units = module.hidden_size
            with torch.no_grad():
                module.bias_ih_l0[units:2 * units].fill_(1.0)
    return model


class LastStateLSTM(nn.Module):
    """Embedding → LSTM → Dense on the final hidden state, as Keras's LSTM(return_sequences=False)."""

    def __init__(self, vocabulary_size=10_000, embedding_size=32, units=32):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary_size, embedding_size)
        self.lstm = nn.LSTM(embedding_size, units, batch_first=True)
        self.dense = nn.Linear(units, 1)

    def forward(self, tokens):
        _, (hidden, _) = self.lstm(self.embedding(tokens))
        return self.dense(hidden[-1]).squeeze(1)


def make_model(name):
    """Returns (model, loss function) for a benchmark model name."""
    if name == "dense":
        model = nn.Sequential(
            nn.Flatten(),
            nn.Linear(28 * 28, 512), nn.ReLU(),
            nn.Linear(512, 10),
        )
        return keras_initialized(model), nn.CrossEntropyLoss()
    if name == "convnet":
        model = nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 64, 3), nn.ReLU(),
            nn.Flatten(),
            nn.Linear(3 * 3 * 64, 64), nn.ReLU(),
            nn.Linear(64, 10),
        )
        return keras_initialized(model), nn.CrossEntropyLoss()
    return keras_initialized(LastStateLSTM()), nn.BCEWithLogitsLoss()


def load_data(name, samples):
    """Returns (inputs, targets) as tensors in the layout the model expects."""
    if name == "lstm":
        tokens, labels = harness.load_sequences(samples)
        return torch.from_numpy(tokens), torch.from_numpy(labels)
    images, labels = harness.load_fashion_mnist(samples)
    if name == "convnet":
        images = images[:, numpy.newaxis, :, :]
    return torch.from_numpy(numpy.ascontiguousarray(images)), torch.from_numpy(labels)


def main():
    inputs, targets = load_data(arguments.model, arguments.samples)
    model, loss_function = make_model(arguments.model)
    optimizer = torch.optim.RMSprop(model.parameters(), lr=harness.LEARNING_RATE,
                                    alpha=harness.RHO, eps=harness.EPSILON)
    parameters = sum(parameter.numel() for parameter in model.parameters())
    harness.check_parameter_count(arguments.model, parameters)
    harness.report(f"torch {torch.__version__}: {arguments.model}, {parameters} parameters, "
                   f"{arguments.samples} samples, batch {arguments.batch_size}, "
                   f"threads {torch.get_num_threads()}, numpy BLAS: {harness.blas_summary()}")

    def train_step(batch_inputs, batch_targets):
        optimizer.zero_grad(set_to_none=True)
        loss = loss_function(model(batch_inputs), batch_targets)
        loss.backward()
        optimizer.step()
        return loss

    # Warm-up: one full batch and, when the epoch ends on one, a batch of the last size, so that
    # allocation and kernel selection for both shapes happen before the clock starts.
    batch_size = arguments.batch_size
    with harness.Stopwatch() as warm_up:
        for size in harness.warm_up_batch_sizes(len(inputs), batch_size):
            train_step(inputs[:size], targets[:size])
    harness.report(f"warm-up: {warm_up.seconds:.3f} s (not timed)")

    total_loss = torch.zeros(())
    with harness.Stopwatch() as epoch:
        order = torch.randperm(len(inputs))
        for start in range(0, len(inputs), batch_size):
            indices = order[start:start + batch_size]
            loss = train_step(inputs[indices], targets[indices])
            total_loss += loss.detach() * len(indices)
    harness.report(f"epoch: {epoch.seconds:.3f} s, mean training loss {float(total_loss) / len(inputs):.4f}")
    harness.print_result(arguments, epoch.seconds, "torch")


harness.run(main)
