// Every diagnostic in DiagnosticKinds.def is exercised by a file test: a kind
// that no test expects is a kind whose wording and location nobody checks.
// Kinds that a file test cannot express are listed with the test that covers them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "diagnostics/DiagnosticEngine.h"

namespace {

const std::map<std::string, std::string> kCoveredElsewhere = {
    {"file_unreadable", "tests/cli/cli_test.sh: missing file"},
    {"no_input_files", "tests/cli/cli_test.sh: directory without .cio files"},
    {"file_too_large", "AnalyzeTest.FileTooLargeIsAnIoError"},
    {"not_a_regular_file", "tests/cli/hostile_files_test.sh: a pipe and a device named .cio; FilesTest"},
    {"file_read_only", "tests/cli/hostile_files_test.sh: fmt on a read-only file; FilesTest"},
    {"file_changed_meanwhile", "FilesTest.AFileChangedMeanwhileIsNotOverwritten (a race a CLI test cannot time)"},
    {"invalid_reference_date", "tests/cli/cli_test.sh: invalid reference date"},
    {"config_syntax", "tests/cli/config_test.sh: not TOML"},
    {"baseline_invalid", "tests/cli/baseline_test.sh: not a baseline"},
    {"init_bad_name", "tests/cli/init_test.sh: a name the language does not accept"},
    {"init_exists", "tests/cli/init_test.sh: init again"},
    {"init_template_missing", "tests/cli/init_test.sh: no templates"},
    {"config_unknown_key", "tests/cli/config_test.sh: unknown key"},
    {"config_bad_value", "tests/cli/config_test.sh: bad value"},
    {"config_unknown_code", "tests/cli/config_test.sh: unknown code"},
    {"config_cannot_lower", "tests/cli/config_test.sh: a compiler error cannot be allowed"},
    {"too_many_diagnostics", "tests/cli/cli_test.sh: --max-meldingen"},
    {"explain_unknown", "tests/cli/explain_test.sh: unknown name"},
    {"fmt_refused", "tests/cli/fmt_test.sh: a file with a syntax error"},
    {"fmt_would_change_tokens",
     "not provokable: the formatter only moves whitespace (FormatTest checks every .cio file)"},
    {"report_unknown_format", "tests/cli/report_test.sh: unknown format"},
    {"invalid_lookahead", "tests/cli/lookahead_test.sh: a span that is none"},
    {"test_no_fixtures", "tests/cli/test_command_test.sh: no fixtures"},
    {"test_no_norms", "tests/cli/test_command_test.sh: no norms"},
    {"test_unknown_norm", "tests/cli/test_command_test.sh: an unknown norm in verwacht (a fixture's comment)"},
    {"cli_unknown_subcommand", "tests/cli/commandline_test.sh: a misspelt subcommand"},
    {"cli_unknown_option", "tests/cli/commandline_test.sh: a misspelt option"},
    {"cli_missing_subcommand", "tests/cli/commandline_test.sh: no subcommand"},
    {"graph_unknown_focus", "tests/cli/graph_test.sh: unknown focus"},
    {"graph_unknown_format", "tests/cli/graph_test.sh: unknown output format"},
    {"output_unwritable", "tests/cli/graph_test.sh: unwritable output"},
    {"graph_render_failed",
     "not provokable: the DOT writer only writes DOT that Graphviz reads (graph_test.sh runs dot on it)"},
    {"example_missing", "tests/cli/explain_test.sh: a norm without example"},
    {"example_not_violating", "tests/cli/explain_test.sh: an example that complies"},
    {"example_invalid", "tests/cli/explain_test.sh: an example with an error"},
    {"expression_too_long", "tests/cli/hostile_input_test.sh: a 6 MB `of` chain"},
    {"nesting_too_deep", "tests/cli/hostile_input_test.sh and syntax/nesting_too_deep.cio"},
    {"list_too_long",
     "tests/cli/hostile_input_test.sh (100,002 items) and ParseTest.ListsLongerThanTheLimitStopTheParse"},
};

TEST(DiagnosticCoverage, EveryKindIsExpectedByAFileTest) {
  std::string all;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(CIOC_TEST_FILES_DIR)) {
    if (entry.path().extension() != ".cio") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str();
  }
  for (const cio::DiagKindInfo &k : cio::allDiagKinds()) {
    if (k.severity == cio::Severity::Note) continue;  // help and note texts
    std::string name(k.name);
    if (kCoveredElsewhere.count(name)) continue;
    bool found = all.find(": " + name) != std::string::npos || all.find(", " + name) != std::string::npos;
    EXPECT_TRUE(found) << "no file test expects `" << name << "`";
  }
}

TEST(DiagnosticCoverage, EveryKindHasBothLanguages) {
  for (const cio::DiagKindInfo &k : cio::allDiagKinds()) {
    EXPECT_FALSE(k.dutch.empty()) << k.name;
    EXPECT_FALSE(k.english.empty()) << k.name;
  }
}

}  // namespace
