## Base of the check scenes that run alone, with an environment or a project of their own, rather
## than in test_runner: counts checks, prints each failure, and ends with the "N passed, N failed"
## line build.sh reads. Extended by a relative path, so it also works copied beside dist_check.gd.
extends Node

var passed := 0
var failed := 0
## Names this run in failures and in the tally ("server: 3 passed, 0 failed"); else the node's name.
var label := ""


func check(ok: bool, what: String) -> bool:
	if ok:
		passed += 1
	else:
		failed += 1
		printerr("FAIL %s: %s" % [label if label else String(name), what])
	return ok


func check_eq(got: Variant, want: Variant, what: String) -> bool:
	return check(typeof(got) == typeof(want) and got == want, "%s: got %s, want %s" % [what, var_to_str(got), var_to_str(want)])


## Prints the tally and quits, with status 1 on a failure or when nothing was checked.
func finish() -> void:
	print("%s%d passed, %d failed" % [label + ": " if label else "", passed, failed])
	get_tree().quit(1 if failed > 0 or passed == 0 else 0)
