"""Shared parts of the PyTorch and Keras reference benchmarks: arguments, threads, data, timing, output.

This module imports only the standard library at load time, so a script can parse its arguments
and limit threads before numpy or a framework starts its thread pools.
"""

import argparse
import gzip
import os
import sys
import time
from dataclasses import dataclass

MODELS = ("dense", "convnet", "lstm")
BATCH_SIZES = {"dense": 128, "convnet": 64, "lstm": 128}
DEFAULT_SAMPLES = {"dense": 60_000, "convnet": 60_000, "lstm": 25_000}
CONVNET_PARAMETERS = 93_322

# Keras's RMSprop defaults, which every reference uses.
LEARNING_RATE = 0.001
RHO = 0.9
EPSILON = 1e-7

FASHION_MNIST_DIRECTORY = "/usr/share/datasets/fashion-mnist"
PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEQUENCE_FILE = os.path.join(PACKAGE_ROOT, ".build", "bench-data", "sequences.bin")

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "TF_NUM_INTRAOP_THREADS")


class BenchmarkError(Exception):
    """A problem with the input data or the arguments, reported as one line without a traceback."""


@dataclass
class Arguments:
    model: str
    threads: int
    samples: int
    batch_size: int


def parse_arguments(program, description):
    """Parses `<model> [--threads N] [--samples N]` and limits this process to that many threads."""
    parser = argparse.ArgumentParser(prog=program, description=description)
    parser.add_argument("model", choices=MODELS)
    parser.add_argument("--threads", type=int, default=2, help="compute threads (default: %(default)s)")
    parser.add_argument("--samples", type=int, default=None,
                        help="training samples in the epoch (default: 60000 for dense and convnet, 25000 for lstm)")
    parsed = parser.parse_args()
    if parsed.threads < 1:
        parser.error(f"--threads must be at least 1; got {parsed.threads}")
    samples = parsed.samples if parsed.samples is not None else DEFAULT_SAMPLES[parsed.model]
    if samples < 1:
        parser.error(f"--samples must be at least 1; got {samples}")

    limit_threads(parsed.threads)
    return Arguments(parsed.model, parsed.threads, samples, BATCH_SIZES[parsed.model])


def limit_threads(threads):
    """Sets the thread variables every runtime here reads; must run before numpy or a framework loads.

    XLA's CPU client has no thread-count flag: it sizes its pool from the CPUs this process may run
    on, so fewer threads than CPUs means narrowing the process's CPU affinity.
    """
    for variable in THREAD_VARIABLES:
        os.environ[variable] = str(threads)
    os.environ["TF_NUM_INTEROP_THREADS"] = "1"

    if threads == 1:
        flags = os.environ.get("XLA_FLAGS", "")
        os.environ["XLA_FLAGS"] = f"{flags} --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1".strip()

    allowed = sorted(os.sched_getaffinity(0))
    if threads < len(allowed):
        os.sched_setaffinity(0, allowed[:threads])


def warm_up_batch_sizes(samples, batch_size):
    """Returns the batch sizes one epoch uses: a full batch and, when the epoch ends on one, the smaller last batch."""
    return sorted({min(batch_size, samples), samples % batch_size} - {0}, reverse=True)


def check_parameter_count(model, parameters):
    """Raises BenchmarkError when a model whose size the book gives has another parameter count."""
    if model == "convnet" and parameters != CONVNET_PARAMETERS:
        raise BenchmarkError(f"convnet has {parameters} parameters, expected {CONVNET_PARAMETERS}; "
                             "the layers differ from the book's, fix the model definition.")


def report(message):
    """Prints a progress line on standard error, keeping standard output for results."""
    print(message, file=sys.stderr, flush=True)


def read_idx(path):
    """Returns a numpy array from a gzip-compressed IDX file of unsigned bytes."""
    import numpy

    if not os.path.exists(path):
        raise BenchmarkError(f"{path} is missing; install the Debian package dataset-fashion-mnist "
                             "(scripts/setup does), then run this again.")
    with gzip.open(path, "rb") as file:
        contents = file.read()
    if len(contents) < 4 or contents[0] != 0 or contents[1] != 0 or contents[2] != 0x08:
        raise BenchmarkError(f"{path}: expected an IDX file of unsigned bytes (magic 00 00 08 ..), "
                             f"found {contents[:4].hex(' ')}; the file is damaged, reinstall dataset-fashion-mnist.")
    rank = contents[3]
    shape = tuple(int.from_bytes(contents[4 + 4 * axis:8 + 4 * axis], "big") for axis in range(rank))
    start = 4 + 4 * rank
    expected = int(numpy.prod(shape))
    if len(contents) - start != expected:
        raise BenchmarkError(f"{path}: header declares {expected} values of shape {shape}, "
                             f"but the file has {len(contents) - start}; reinstall dataset-fashion-mnist.")
    return numpy.frombuffer(contents, dtype=numpy.uint8, offset=start).reshape(shape)


def load_fashion_mnist(samples):
    """Returns (images, labels): the first `samples` training images as float32 in [0, 1], labels int64."""
    import numpy

    images = read_idx(os.path.join(FASHION_MNIST_DIRECTORY, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(FASHION_MNIST_DIRECTORY, "train-labels-idx1-ubyte.gz"))
    if samples > len(images):
        raise BenchmarkError(f"--samples {samples} is more than the {len(images)} Fashion-MNIST training images.")
    images = images[:samples].astype(numpy.float32) / 255.0
    return images, labels[:samples].astype(numpy.int64)


def load_sequences(samples, path=SEQUENCE_FILE):
    """Returns (tokens, labels) from the file Benchmarks/make-sequence-data writes: int64 (n, length), float32 (n,)."""
    import numpy

    if not os.path.exists(path):
        raise BenchmarkError(f"{path} is missing; run Benchmarks/make-sequence-data first.")
    contents = numpy.fromfile(path, dtype=numpy.uint8)
    if contents.size < 8:
        raise BenchmarkError(f"{path}: expected an 8-byte header, found {contents.size} bytes; "
                             "run Benchmarks/make-sequence-data again.")
    count, length = (int(value) for value in contents[:8].view("<i4"))
    expected = 8 + 4 * count * length + count
    if contents.size != expected:
        raise BenchmarkError(f"{path}: header declares {count} samples x {length} tokens ({expected} bytes), "
                             f"but the file has {contents.size} bytes; run Benchmarks/make-sequence-data again.")
    if samples > count:
        raise BenchmarkError(f"--samples {samples} is more than the {count} sequences in {path}.")
    tokens = contents[8:8 + 4 * count * length].view("<i4").reshape(count, length)
    labels = contents[8 + 4 * count * length:]
    return tokens[:samples].astype(numpy.int64), labels[:samples].astype(numpy.float32)


def blas_summary():
    """Describes the BLAS libraries numpy loaded (library, version, kernel, threads), or why it cannot."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "threadpoolctl not installed"
    pools = [f"{pool.get('internal_api')} {pool.get('version')} kernel={pool.get('architecture')} "
             f"threads={pool.get('num_threads')}" for pool in threadpool_info() if pool.get("user_api") == "blas"]
    return "; ".join(pools) or "no BLAS loaded"


class Stopwatch:
    """Wall-clock seconds of a `with` block."""

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exception):
        self.seconds = time.perf_counter() - self.start


def print_result(arguments, seconds, framework):
    """Prints the one RESULT line the runner parses."""
    print(f"RESULT model={arguments.model} samples_per_second={arguments.samples / seconds:.1f} "
          f"seconds={seconds:.3f} threads={arguments.threads} framework={framework}", flush=True)


def run(main):
    """Calls `main()`, turning a BenchmarkError into one line on standard error and exit status 1."""
    try:
        main()
    except BenchmarkError as error:
        print(f"{os.path.basename(sys.argv[0])}: {error}", file=sys.stderr)
        sys.exit(1)
