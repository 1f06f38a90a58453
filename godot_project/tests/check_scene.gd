## Base of the check scenes that run alone, with an environment or a project of their own, rather
## than in test_runner: counts checks, prints each failure, and ends with the "N passed, N failed"
## line build.sh reads. Extended by a relative path, so it also works copied beside dist_check.gd.
extends Node

var passed := 0
var failed := 0


func check(ok: bool, what: String) -> bool:
	if ok:
		passed += 1
	else:
		failed += 1
		printerr("FAIL %s: %s" % [name, what])
	return ok


## Prints the tally and quits, with status 1 on a failure or when nothing was checked.
func finish() -> void:
	print("%d passed, %d failed" % [passed, failed])
	get_tree().quit(1 if failed > 0 or passed == 0 else 0)
