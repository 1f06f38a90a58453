// Package recipe holds the CI recipe for games (ci-server-check.sh, the GitHub Actions and GitLab CI
// snippets, the example check scene) that docs/testing-in-ci.md shows. This test keeps the page
// and the files one source: every block the page marks `<!-- include: recipe/FILE -->` must be
// FILE's content, the snippets and the example scene must be shown, and every option of the
// script must be in the page's table. The script itself is run by the e2e test TestCIRecipe.
package recipe

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const page = "../docs/testing-in-ci.md"

// include is a marker line followed by a fenced block: the block's body is group 2.
var include = regexp.MustCompile("(?m)^<!-- include: (recipe/[^ ]+) -->\n```[a-z]*\n((?s:.*?))^```$")

func TestPageShowsTheRecipeFiles(t *testing.T) {
	doc, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]bool{}
	for _, m := range include.FindAllStringSubmatch(string(doc), -1) {
		name, block := m[1], m[2]
		shown[name] = true
		file, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Errorf("%s includes %s: %v", page, name, err)
			continue
		}
		if block != string(file) {
			t.Errorf("%s's block of %s differs from the file: copy the file into the page again", page, name)
		}
	}
	for _, name := range []string{"recipe/github-actions.yml", "recipe/gitlab-ci.yml", "recipe/server_check.gd", "recipe/server_check.tscn"} {
		if !shown[name] {
			t.Errorf("%s does not show %s (an `<!-- include: %s -->` line before its fenced block)", page, name, name)
		}
	}
	if n := strings.Count(string(doc), "<!-- include: "); n != len(include.FindAllString(string(doc), -1)) {
		t.Errorf("%s has %d include markers, but only %d are followed by a fenced block", page, n, len(include.FindAllString(string(doc), -1)))
	}
}

// The options the script's argument loop knows, each in the page's parameters table.
func TestPageListsEveryOption(t *testing.T) {
	script, err := os.ReadFile("ci-server-check.sh")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	opts := regexp.MustCompile(`(?m)^\s+(--[a-z0-9-]+)\) `).FindAllStringSubmatch(string(script), -1)
	if len(opts) < 5 {
		t.Fatalf("found only %d options in ci-server-check.sh", len(opts))
	}
	for _, o := range opts {
		if !regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(o[1]) + "[ `]").Match(doc) {
			t.Errorf("option %s of ci-server-check.sh is not in %s's parameters table", o[1], page)
		}
	}
	for _, v := range regexp.MustCompile(`\$\{(SERVER_CHECK_[A-Z_]+|GODOT[A-Z_]*|GOSTEAM_[A-Z_]+):-`).FindAllStringSubmatch(string(script), -1) {
		if !strings.Contains(string(doc), "`"+v[1]+"`") {
			t.Errorf("variable %s of ci-server-check.sh is not in %s", v[1], page)
		}
	}
}
