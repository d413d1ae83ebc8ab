"""Tests of Benchmarks/run against fake benchmark programs that print scripted RESULT lines.

Run from the package root: python3 -m unittest discover -s Benchmarks/tests
Needs only the Python standard library: no reference environment, no Swift build.
"""

import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

BENCHMARKS_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNNER = os.path.join(BENCHMARKS_DIRECTORY, "run")


def load_runner():
    """Imports Benchmarks/run, which has no .py suffix, as a module."""
    loader = importlib.machinery.SourceFileLoader("benchmark_runner", RUNNER)
    spec = importlib.util.spec_from_loader("benchmark_runner", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


runner = load_runner()

# Each fake logs how it was called, then acts out the behaviour its table gives for the model.
FAKE_PROGRAM = """\
import json, os, sys, time
side = {side!r}
model = sys.argv[1]
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write(json.dumps({{"side": side, "arguments": sys.argv[1:],
                          "coretype": os.environ.get("OPENBLAS_CORETYPE")}}) + "\\n")
behaviour = {behaviours!r}.get(model, "exit:2:unknown model " + repr(model))
kind, _, rest = behaviour.partition(":")
if kind == "print":
    print("loading data...")
    print(rest)
elif kind == "exit":
    status, _, message = rest.partition(":")
    print(message, file=sys.stderr)
    sys.exit(int(status))
elif kind == "sleep":
    time.sleep(float(rest))
"""

REDBOOK = {
    "dense": "print:RESULT model=dense samples_per_second=3000.0 seconds=20.0 threads=2",
    "convnet": "print:RESULT model=convnet samples_per_second=900.0 seconds=66.7 threads=2 gflops=12.5",
    "sgemm": "print:RESULT model=sgemm gflops=80.5 threads=2",
}
TORCH = {
    "dense": "print:RESULT model=dense samples_per_second=1000.0 seconds=60.0 threads=2 framework=torch",
    "convnet": "print:RESULT model=convnet samples_per_second=1800.0 seconds=33.3 threads=2 framework=torch",
    "lstm": "print:RESULT model=lstm samples_per_second=1000.0 seconds=25.0 threads=2 framework=torch",
}
KERAS = {
    "dense": "print:RESULT model=dense samples_per_second=1500.0 seconds=40.0 threads=2 framework=keras-jax",
    "convnet": "print:RESULT model=convnet samples_per_second=450.0 seconds=133.3 threads=2 framework=keras-jax",
    "lstm": "print:training finished",
}


class FakeBenchmarks:
    """A folder with a fake redbook-bench and fake reference scripts, and a log of their calls."""

    def __init__(self, redbook=REDBOOK, torch=TORCH, keras=KERAS):
        self.folder = tempfile.TemporaryDirectory()
        root = self.folder.name
        self.log = os.path.join(root, "calls.jsonl")
        self.redbook_bench = os.path.join(root, "redbook-bench")
        self.reference_dir = os.path.join(root, "reference")
        os.mkdir(self.reference_dir)

        self.write(self.redbook_bench, "redbook", redbook, shebang=True)
        self.write(os.path.join(self.reference_dir, "torch_bench.py"), "torch", torch)
        self.write(os.path.join(self.reference_dir, "keras_bench.py"), "keras", keras)

    @staticmethod
    def write(path, side, behaviours, shebang=False):
        text = FAKE_PROGRAM.format(side=side, behaviours=behaviours)
        if shebang:
            text = f"#!{sys.executable}\n{text}"
        with open(path, "w") as file:
            file.write(text)
        os.chmod(path, 0o755)

    def run(self, *arguments, environment=None):
        """Runs Benchmarks/run on the fakes; returns (exit status, standard output, standard error)."""
        command = [sys.executable, RUNNER, *arguments, "--redbook-bench", self.redbook_bench,
                   "--python", sys.executable, "--reference-dir", self.reference_dir, "--no-prepare"]
        variables = dict(os.environ, FAKE_LOG=self.log, **(environment or {}))
        completed = subprocess.run(command, capture_output=True, text=True, env=variables, timeout=120)
        return completed.returncode, completed.stdout, completed.stderr

    def calls(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log) as file:
            return [json.loads(line) for line in file]

    def close(self):
        self.folder.cleanup()


def table_row(output, model):
    """Returns the cells of a model's row in the plain-text table."""
    for line in output.splitlines():
        cells = line.split("  ")
        if cells[0] == model:
            return [cell.strip() for cell in cells if cell.strip()]
    raise AssertionError(f"no row for {model} in:\n{output}")


class ParseResultTests(unittest.TestCase):
    def test_parse_last_result_line(self):
        output = "RESULT model=dense samples_per_second=1\nnoise\nRESULT model=dense samples_per_second=2 seconds=3\n"
        fields = runner.parse_result(output)
        self.assertEqual(fields, {"model": "dense", "samples_per_second": "2", "seconds": "3"},
                         f"observed {fields}")

    def test_parse_without_result_line(self):
        fields = runner.parse_result("epoch 1/1\nloss 0.5\n")
        self.assertIsNone(fields, f"observed {fields}")

    def test_parse_ignores_bare_words(self):
        fields = runner.parse_result("RESULT model=sgemm fast gflops=9.5")
        self.assertEqual(fields, {"model": "sgemm", "gflops": "9.5"}, f"observed {fields}")

    def test_validated_wrong_model(self):
        measurement = runner.validated({"model": "convnet", "samples_per_second": "5"}, "dense", "samples_per_second")
        self.assertIn("model=convnet, expected model=dense", measurement.reason)

    def test_validated_non_number(self):
        measurement = runner.validated({"model": "dense", "samples_per_second": "fast"}, "dense", "samples_per_second")
        self.assertIn("samples_per_second=fast, which is not a number", measurement.reason)

    def test_validated_zero_rate(self):
        measurement = runner.validated({"model": "dense", "samples_per_second": "0"}, "dense", "samples_per_second")
        self.assertIn("expected a positive number", measurement.reason)


class RatioTests(unittest.TestCase):
    def test_ratio_redbook_faster(self):
        self.assertAlmostEqual(runner.ratio(300.0, 100.0), 3.0)

    def test_ratio_redbook_slower(self):
        self.assertAlmostEqual(runner.ratio(100.0, 400.0), 0.25)

    def test_ratio_missing_redbook(self):
        self.assertIsNone(runner.ratio(None, 100.0))

    def test_ratio_missing_reference(self):
        self.assertIsNone(runner.ratio(100.0, None))


class CompetitionWarningTests(unittest.TestCase):
    def test_quiet_machine_no_warning(self):
        self.assertEqual(runner.competition_warning(0.1, 2), "")

    def test_busy_machine_warns(self):
        warning = runner.competition_warning(1.5, 2)
        self.assertIn("other processes kept 1.50 of 2 cores busy", warning)

    def test_unknown_competition_no_warning(self):
        self.assertEqual(runner.competition_warning(None, 2), "")


class RunnerTests(unittest.TestCase):
    def setUp(self):
        self.fakes = FakeBenchmarks()
        self.addCleanup(self.fakes.close)

    def test_table_dense_ratios(self):
        status, output, errors = self.fakes.run("dense", "convnet")
        self.assertEqual(status, 0, errors)
        row = table_row(output, "dense")
        self.assertEqual(row, ["dense", "3000.0", "1000.0", "1500.0", "3.00", "2.00"], output)

    def test_table_convnet_ratios(self):
        status, output, errors = self.fakes.run("dense", "convnet")
        self.assertEqual(status, 0, errors)
        row = table_row(output, "convnet")
        self.assertEqual(row, ["convnet", "900.0", "1800.0", "450.0", "0.50", "2.00"], output)

    def test_table_gflops_lines(self):
        status, output, errors = self.fakes.run("dense", "convnet")
        self.assertEqual(status, 0, errors)
        self.assertIn("redbook sgemm GFLOP/s: 80.5", output)
        self.assertIn("redbook convnet GFLOP/s (training step): 12.5", output)

    def test_competition_measured(self):
        status, output, errors = self.fakes.run("dense")
        self.assertEqual(status, 0, errors)
        self.assertRegex(output, r"other processes' CPU use during each benchmark: at most \d+\.\d\d cores, mean")

    def test_table_framework_labels(self):
        status, output, errors = self.fakes.run("dense")
        self.assertEqual(status, 0, errors)
        self.assertIn("reference frameworks: torch = torch, keras = keras-jax", output)

    def test_missing_sides_shown_as_na(self):
        status, output, errors = self.fakes.run("lstm")
        self.assertEqual(status, 0, errors)
        row = table_row(output, "lstm")
        self.assertEqual(row, ["lstm", "n/a [1]", "1000.0", "n/a [2]", "n/a", "n/a"], output)
        self.assertIn("[1] redbook lstm: exit status 2: unknown model 'lstm'", output)
        self.assertIn("[2] keras lstm: no RESULT line in its output (last line: training finished)", output)

    def test_convnet_without_gflops(self):
        line = "RESULT model=convnet samples_per_second=900 seconds=66.7 threads=2"
        self.fakes = FakeBenchmarks(redbook=dict(REDBOOK, convnet=f"print:{line}"))
        self.addCleanup(self.fakes.close)
        status, output, errors = self.fakes.run("convnet")
        self.assertEqual(status, 0, errors)
        self.assertEqual(table_row(output, "convnet")[1], "900.0", output)
        self.assertIn("redbook convnet GFLOP/s (training step): n/a [1]", output)
        self.assertIn("[1] redbook convnet: RESULT line has no gflops=", output)

    def test_missing_redbook_bench(self):
        os.remove(self.fakes.redbook_bench)
        status, output, errors = self.fakes.run("dense")
        self.assertEqual(status, 0, errors)
        self.assertEqual(table_row(output, "dense")[1:4], ["n/a [1]", "1000.0", "1500.0"], output)
        self.assertIn(f"[1] redbook dense, redbook sgemm: {self.fakes.redbook_bench} not found", output)

    def test_missing_redbook_one_note(self):
        os.remove(self.fakes.redbook_bench)
        status, output, errors = self.fakes.run("convnet")
        self.assertEqual(status, 0, errors)
        self.assertIn(f"[1] redbook convnet, redbook sgemm: {self.fakes.redbook_bench} not found", output)

    def test_missing_reference_python(self):
        command = [sys.executable, RUNNER, "dense", "--redbook-bench", self.fakes.redbook_bench,
                   "--python", "/nonexistent/python", "--reference-dir", self.fakes.reference_dir, "--no-prepare"]
        completed = subprocess.run(command, capture_output=True, text=True, timeout=120,
                                   env=dict(os.environ, FAKE_LOG=self.fakes.log))
        self.assertEqual(completed.returncode, 0, completed.stderr)
        self.assertIn("/nonexistent/python not found; run Benchmarks/setup-references", completed.stdout)

    def test_timeout_becomes_na(self):
        self.fakes = FakeBenchmarks(redbook=dict(REDBOOK, dense="sleep:30"))
        self.addCleanup(self.fakes.close)
        status, output, errors = self.fakes.run("dense", "--timeout", "1")
        self.assertEqual(status, 0, errors)
        self.assertIn("[1] redbook dense: timed out after 1 s", output)

    def test_markdown_table(self):
        status, output, errors = self.fakes.run("dense", "--markdown")
        self.assertEqual(status, 0, errors)
        lines = output.splitlines()
        header = "| model | redbook samples/s | torch samples/s | keras samples/s | redbook/torch | redbook/keras |"
        self.assertIn(header, lines, output)
        self.assertEqual(lines[lines.index(header) + 1], "| --- | ---: | ---: | ---: | ---: | ---: |", output)
        self.assertIn("| dense | 3000.0 | 1000.0 | 1500.0 | 3.00 | 2.00 |", lines, output)
        self.assertIn("- redbook sgemm GFLOP/s: 80.5", lines, output)

    def test_options_reach_every_side(self):
        status, _, errors = self.fakes.run("dense", "--threads", "1", "--samples", "123")
        self.assertEqual(status, 0, errors)
        calls = {(call["side"], call["arguments"][0]): call["arguments"] for call in self.fakes.calls()}
        for side in ("redbook", "torch", "keras"):
            self.assertEqual(calls[(side, "dense")], ["dense", "--threads", "1", "--samples", "123"], side)
        self.assertEqual(calls[("redbook", "sgemm")], ["sgemm", "--threads", "1"])

    def test_openblas_variables_only_for_redbook(self):
        status, output, errors = self.fakes.run("dense", environment={"OPENBLAS_CORETYPE": "Haswell"})
        self.assertEqual(status, 0, errors)
        coretypes = {call["side"]: call["coretype"] for call in self.fakes.calls()}
        self.assertEqual(coretypes["redbook"], "Haswell")
        self.assertIsNone(coretypes["torch"])
        self.assertIsNone(coretypes["keras"])
        self.assertIn("OPENBLAS_CORETYPE=Haswell set; removed for the reference commands only", output)

    def test_repeat_keeps_fastest(self):
        counter = os.path.join(self.fakes.folder.name, "count")
        # The second of three runs is the fastest; the runner must report it, not the last one.
        program = textwrap.dedent(f"""\
            #!{sys.executable}
            import os, sys
            path = {counter!r}
            count = int(open(path).read()) + 1 if os.path.exists(path) else 1
            open(path, "w").write(str(count))
            rate = {{1: 100.0, 2: 300.0, 3: 200.0}}.get(count, 50.0)
            model = sys.argv[1]
            key = "gflops" if model == "sgemm" else "samples_per_second"
            print(f"RESULT model={{model}} {{key}}={{rate}} threads=2")
            """)
        with open(self.fakes.redbook_bench, "w") as file:
            file.write(program)
        status, output, errors = self.fakes.run("dense", "--repeat", "3")
        self.assertEqual(status, 0, errors)
        self.assertEqual(table_row(output, "dense")[1], "300.0", output)

    def test_unknown_model_rejected(self):
        status, _, errors = self.fakes.run("resnet")
        self.assertEqual(status, 2)
        self.assertIn("unknown model resnet", errors)


if __name__ == "__main__":
    unittest.main()
