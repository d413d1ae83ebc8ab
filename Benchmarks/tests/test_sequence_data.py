"""Tests of Benchmarks/make-sequence-data: the file layout the Swift benchmark reads, and determinism.

Run from the package root: python3 -m unittest discover -s Benchmarks/tests
"""

import math
import os
import struct
import subprocess
import sys
import tempfile
import unittest

BENCHMARKS_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(BENCHMARKS_DIRECTORY, "make-sequence-data")


def generate(count, length, seed):
    """Runs the generator into a temporary file and returns the file's bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "sequences.bin")
        command = [sys.executable, GENERATOR, "--output", path, "--count", str(count),
                   "--length", str(length), "--seed", str(seed)]
        subprocess.run(command, check=True, capture_output=True, timeout=60)
        with open(path, "rb") as file:
            return file.read()


def decode(contents):
    """Returns (count, length, rows of tokens, labels) read with the documented layout."""
    count, length = struct.unpack_from("<ii", contents, 0)
    tokens = struct.unpack_from(f"<{count * length}i", contents, 8)
    rows = [tokens[row * length:(row + 1) * length] for row in range(count)]
    labels = contents[8 + 4 * count * length:]
    return count, length, rows, labels


class SequenceFileTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.contents = generate(count=40, length=150, seed=7)
        cls.count, cls.length, cls.rows, cls.labels = decode(cls.contents)

    def test_header_count_and_length(self):
        self.assertEqual((self.count, self.length), (40, 150))

    def test_file_size_matches_header(self):
        self.assertEqual(len(self.contents), 8 + 4 * 40 * 150 + 40)

    def test_labels_are_zero_or_one(self):
        self.assertEqual(set(self.labels) - {0, 1}, set(), f"observed labels {set(self.labels)}")

    def test_tokens_within_vocabulary(self):
        tokens = [token for row in self.rows for token in row]
        self.assertGreaterEqual(min(tokens), 0)
        self.assertLess(max(tokens), 10_000)

    def test_padding_precedes_text(self):
        for index, row in enumerate(self.rows):
            padding = len(row) - len([token for token in row if token != 0])
            self.assertEqual(list(row[:padding]), [0] * padding, f"row {index} has words inside its padding")
            self.assertGreaterEqual(len(row) - padding, 100, f"row {index} text is shorter than 100 tokens")

    def test_same_seed_same_bytes(self):
        self.assertEqual(generate(count=40, length=150, seed=7), self.contents)

    def test_other_seed_other_bytes(self):
        self.assertNotEqual(generate(count=40, length=150, seed=8), self.contents)

    def test_labels_learnable_from_words(self):
        # Naive Bayes on word counts, trained on 2000 samples, must predict the other 500 well.
        # The labels are meant to follow from the words, as sentiment does in reviews.
        _, _, rows, labels = decode(generate(count=2500, length=500, seed=3))
        counts = [{}, {}]
        for row, label in zip(rows[:2000], labels[:2000]):
            for token in row:
                if token:
                    counts[label][token] = counts[label].get(token, 0) + 1
        totals = [sum(counts[0].values()), sum(counts[1].values())]

        def log_odds(token):
            positive, negative = counts[1].get(token, 0), counts[0].get(token, 0)
            # A word seen fewer than 20 times has a log-odds estimate that is mostly noise.
            if positive + negative < 20:
                return 0.0
            return math.log((positive + 1) / totals[1]) - math.log((negative + 1) / totals[0])

        predictions = [sum(log_odds(token) for token in row if token) > 0 for row in rows[2000:]]
        correct = sum(prediction == (label == 1) for prediction, label in zip(predictions, labels[2000:]))
        accuracy = correct / 500
        self.assertGreater(accuracy, 0.8, f"naive Bayes reached accuracy {accuracy:.3f}, expected above 0.8")


if __name__ == "__main__":
    unittest.main()
