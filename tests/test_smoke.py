from pathlib import Path
import json


def test_check_small_workspace(cli, ws_root: Path) -> None:
    result = cli("check", "--root", str(ws_root), "--format", "json")
    data = json.loads(result.stdout)
    assert data["errors"] == 0
    codes = {p["code"] for p in data["problems"]}
    assert "unanswered" in codes  # 2 has no answer
