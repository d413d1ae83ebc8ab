"""Tests of Benchmarks/reference/harness.py, the part the PyTorch and Keras scripts share.

Run from the package root: python3 -m unittest discover -s Benchmarks/tests
The data-loading tests need numpy and are skipped without it. No test needs the reference environment.
"""

import gzip
import os
import struct
import subprocess
import sys
import tempfile
import unittest

BENCHMARKS_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(BENCHMARKS_DIRECTORY, "reference"))

import harness  # noqa: E402

try:
    import numpy
except ImportError:
    numpy = None


class WarmUpTests(unittest.TestCase):
    def test_epoch_with_partial_batch(self):
        self.assertEqual(harness.warm_up_batch_sizes(60_000, 128), [128, 96])

    def test_epoch_of_whole_batches(self):
        self.assertEqual(harness.warm_up_batch_sizes(6_400, 64), [64])

    def test_epoch_shorter_than_batch(self):
        self.assertEqual(harness.warm_up_batch_sizes(50, 128), [50])


class ParameterCountTests(unittest.TestCase):
    def test_book_convnet_accepted(self):
        harness.check_parameter_count("convnet", 93_322)

    def test_other_convnet_rejected(self):
        with self.assertRaises(harness.BenchmarkError) as raised:
            harness.check_parameter_count("convnet", 93_000)
        self.assertIn("convnet has 93000 parameters, expected 93322", str(raised.exception))


@unittest.skipIf(numpy is None, "numpy is not installed")
class DataTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def write_idx(self, name, header, values):
        path = os.path.join(self.folder.name, name)
        with gzip.open(path, "wb") as file:
            file.write(header + bytes(values))
        return path

    def test_read_idx_shape_and_values(self):
        path = self.write_idx("images.gz", bytes([0, 0, 8, 3]) + struct.pack(">iii", 2, 2, 3), range(12))
        array = harness.read_idx(path)
        self.assertEqual(array.shape, (2, 2, 3))
        self.assertEqual(array[1, 1, 2], 11)

    def test_read_idx_truncated(self):
        path = self.write_idx("short.gz", bytes([0, 0, 8, 1]) + struct.pack(">i", 10), range(7))
        with self.assertRaises(harness.BenchmarkError) as raised:
            harness.read_idx(path)
        self.assertIn("header declares 10 values of shape (10,), but the file has 7", str(raised.exception))

    def test_read_idx_wrong_magic(self):
        path = self.write_idx("floats.gz", bytes([0, 0, 0x0D, 1]) + struct.pack(">i", 1), range(4))
        with self.assertRaises(harness.BenchmarkError) as raised:
            harness.read_idx(path)
        self.assertIn("expected an IDX file of unsigned bytes", str(raised.exception))

    def test_read_idx_missing_file(self):
        with self.assertRaises(harness.BenchmarkError) as raised:
            harness.read_idx(os.path.join(self.folder.name, "absent.gz"))
        self.assertIn("dataset-fashion-mnist", str(raised.exception))

    def test_load_sequences_matches_generator(self):
        path = os.path.join(self.folder.name, "sequences.bin")
        generator = os.path.join(BENCHMARKS_DIRECTORY, "make-sequence-data")
        subprocess.run([sys.executable, generator, "--output", path, "--count", "30", "--length", "120"],
                       check=True, capture_output=True, timeout=60)
        with open(path, "rb") as file:
            contents = file.read()
        tokens, labels = harness.load_sequences(20, path)

        self.assertEqual(tokens.shape, (20, 120))
        self.assertEqual(labels.shape, (20,))
        expected_last_row = struct.unpack_from("<120i", contents, 8 + 4 * 19 * 120)
        self.assertEqual(tokens[19].tolist(), list(expected_last_row))
        self.assertEqual(labels.tolist(), [float(label) for label in contents[8 + 4 * 30 * 120:][:20]])

    def test_load_sequences_size_mismatch(self):
        path = os.path.join(self.folder.name, "broken.bin")
        with open(path, "wb") as file:
            file.write(struct.pack("<ii", 3, 4) + bytes(10))
        with self.assertRaises(harness.BenchmarkError) as raised:
            harness.load_sequences(1, path)
        expected = "header declares 3 samples x 4 tokens (59 bytes), but the file has 18 bytes"
        self.assertIn(expected, str(raised.exception))


if __name__ == "__main__":
    unittest.main()
