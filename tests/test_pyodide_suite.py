"""The calculators' tests pass inside real Pyodide too (the interpreter the browser uses).

Runs ``node tests/pyodide/run_suite.mjs``, which boots the npm Pyodide package under Node
and runs every test file that imports ``calculators`` and needs no host facilities.
Node, ``npm ci`` and the wheels of tests/pyodide/requirements.txt are setup steps: when
one is missing this test fails and says which.
"""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow   # Node/Pyodide, release builds, nginx: not in the fast loop

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "pyodide" / "run_suite.mjs"


def test_calculator_tests_pass_under_pyodide():
    node = shutil.which("node")
    assert node, "未找到 node：Pyodide 测试需要 Node.js 18 以上版本（安装步骤应安装 nodejs）。"
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "未找到 node_modules/pyodide：请先运行 npm ci。"

    run = subprocess.run([node, str(SUITE)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    tail = "\n".join(output.splitlines()[-40:])
    assert run.returncode == 0, f"Pyodide 中的测试未通过（退出码 {run.returncode}）：\n{tail}"

    assert "platform emscripten" in output, f"测试没有在 Pyodide 中运行：\n{tail}"
    summary = re.search(r"=+ (\d+) passed(?:, [^=]*)? in [\d.]+s", output)
    assert summary, f"没有找到 pytest 的汇总行：\n{tail}"
    assert int(summary.group(1)) > 0
    assert not re.search(r"\d+ (failed|error)", summary.group(0)), summary.group(0)
