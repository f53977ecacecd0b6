/* test-json-scan.c: the strict syntax check in front of json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "voc-json-scan.h"

static const struct
{
  const char *json;
  const char *message; /* NULL when valid */
} cases[] = {
  { "{}", NULL },
  { " {\"a\": [1, -2.5e3, true, false, null, \"x\\n\\u00e9\"]}\n", NULL },
  { "[[[]]]", NULL },
  { "{\"a\": \"é\"}", NULL },
  { "", "line 1, column 1: the file is empty; expected a JSON object" },
  { "   \n ", "line 2, column 2: the file is empty; expected a JSON object" },
  { "{\"a\":1} {}", "line 1, column 9: unexpected \"{\" after the end of the document" },
  { "{\"a\":1} xx", "line 1, column 9: unexpected \"xx\" after the end of the document" },
  { "{\"a\":[1,2", "line 1, column 10: the file ends inside an array (is it truncated?)" },
  { "{\"a\":", "line 1, column 6: the file ends where a value was expected (is it truncated?)" },
  { "{\"a\":\"abc", "line 1, column 6: the string that starts here is not closed; the file ends inside it (is it truncated?)" },
  { "{\"a\":tru}", "line 1, column 6: expected a value (string, number, object, array, true, false or null), found \"tru\"" },
  { "{\"a\":1,}", "line 1, column 8: a comma may not come before \"}\"" },
  { "[1,2,]", "line 1, column 6: a comma may not come before \"]\"" },
  { "{\"a\" 1}", "line 1, column 6: expected \":\" after a member name, found \"1\"" },
  { "{'a':1}", "line 1, column 2: expected a member name in double quotes, found \"'a'\"" },
  { "{\"a\":\"x\ny\"}", "line 1, column 8: control character U+000A inside a string; write it as an escape such as \\n" },
  { "{\"a\":\"\\x\"}", "line 1, column 7: unknown escape \\x inside a string" },
  { "{\"a\":\"\\u12\"}", "line 1, column 7: \\u must be followed by four hexadecimal digits" },
  { "{\"a\":01}", "line 1, column 6: numbers must not have leading zeros" },
  { "{\"a\":1.}", "line 1, column 6: malformed number: a digit must follow the decimal point" },
  { "{\"a\":1e}", "line 1, column 6: malformed number: the exponent has no digits" },
  { "{\"a\":-}", "line 1, column 6: malformed number" },
  { "{\"a\":1,\"a\":2}", "line 1, column 8: duplicate member \"a\" in one object" },
  { "{\"a\":1 \"b\":2}", "line 1, column 8: expected \",\" or \"}\", found a string" },
  { "{\n  \"é\": [1 2]\n}", "line 2, column 11: expected \",\" or \"]\", found \"2\"" },
  /* Escapes that would cut a string short or make it invalid Unicode. */
  { "{\"skill\": \"sql\\u0000; DROP TABLE plan\"}",
    "line 1, column 15: the escape \\u0000 stands for a NUL character, which would cut the text short where it "
    "stands; remove it" },
  { "{\"a\": \"\\uD83D\"}",
    "line 1, column 8: the escape \\uD83D is the first half of a surrogate pair, and its second half "
    "(\\uDC00 to \\uDFFF) does not follow; the text is not valid Unicode" },
  { "{\"a\": \"\\uD83Dx\"}",
    "line 1, column 8: the escape \\uD83D is the first half of a surrogate pair, and its second half "
    "(\\uDC00 to \\uDFFF) does not follow; the text is not valid Unicode" },
  { "{\"a\": \"\\uDE00\"}",
    "line 1, column 8: the escape \\uDE00 is the second half of a surrogate pair, without its first half "
    "(\\uD800 to \\uDBFF) before it; the text is not valid Unicode" },
  /* Reversed: the second half first. */
  { "{\"a\": \"\\uDE00\\uD83D\"}",
    "line 1, column 8: the escape \\uDE00 is the second half of a surrogate pair, without its first half "
    "(\\uD800 to \\uDBFF) before it; the text is not valid Unicode" },
  { "{\"a\": \"\\uD83D\\uDE00 \\u00e9\"}", NULL },
  /* Member names are compared as the text they stand for. */
  { "{\"level\": 1, \"\\u006cevel\": 2}", "line 1, column 14: duplicate member \"level\" in one object" },
  { "{\"a\\nb\": 1, \"anb\": 2}", NULL },
  { "{\"\\ud83d\\ude00\": 1, \"😀\": 2}", "line 1, column 21: duplicate member \"😀\" in one object" },
  /* Numbers json-glib would read as something else. */
  { "{\"a\": 99999999999999999999}",
    "line 1, column 7: the whole number 99999999999999999999 is too large (more than 64 bits)" },
  { "{\"a\": -9223372036854775808}", NULL },
  { "{\"a\": 1e400}", "line 1, column 7: the number 1e400 is too large to be read" },
  { "{\"a\": 1e-400}", NULL },
  /* What a message shows of the file cannot act on a terminal. */
  { "{\"a\": \x1b]0;pwned\x07}", "line 1, column 7: expected a value (string, number, object, array, true, "
    "false or null), found \"\\u001B\"" },
  { "{\"\\u001b[2J\": 1, \"\\u001b[2J\": 2}", "line 1, column 18: duplicate member \"\\u001B[2J\" in one object" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      gboolean ok = voc_json_scan (cases[i].json, strlen (cases[i].json), 32, &message);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_cmpstr (message, ==, cases[i].message);
      g_assert_true (ok == (cases[i].message == NULL));
    }
}

static void
test_depth (void)
{
  g_autofree char *ok_doc = g_strdup_printf ("%s%s", "[[[[", "]]]]");
  g_autofree char *message = NULL;

  g_assert_true (voc_json_scan (ok_doc, strlen (ok_doc), 4, &message));
  g_assert_null (message);
  g_assert_false (voc_json_scan ("[[[[[]]]]]", 10, 4, &message));
  g_assert_cmpstr (message, ==, "line 1, column 5: nesting deeper than 4 levels");
}

static void
test_encoding (void)
{
  g_autofree char *message = NULL;
  const char bad[] = "{\"a\":\n\"\xff\"}";
  const char nul[] = "{\"a\":\"x\0y\"}";

  g_assert_false (voc_json_scan (bad, sizeof bad - 1, 32, &message));
  g_assert_cmpstr (message, ==, "line 2: invalid UTF-8 at byte offset 7; save the file as UTF-8");
  g_clear_pointer (&message, g_free);

  g_assert_false (voc_json_scan (nul, sizeof nul - 1, 32, &message));
  g_assert_cmpstr (message, ==, "line 1: NUL byte at byte offset 7; the file is not text");
}

/* No pointer arithmetic on NULL, even of 0 (UBSan). */
static void
test_null_empty (void)
{
  g_autofree char *message = NULL;

  g_assert_false (voc_json_scan (NULL, 0, 32, &message));
  g_assert_cmpstr (message, ==, "line 1, column 1: the file is empty; expected a JSON object");
}

static void
test_quote (void)
{
  g_autoptr (GString) long_id = g_string_new (NULL);
  g_autofree char *quoted = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (long_id, "x\x1b");
  quoted = voc_json_quote (long_id->str);
  g_assert_true (g_str_has_prefix (quoted, "\"x\\u001Bx\\u001B"));
  g_assert_true (g_str_has_suffix (quoted, "…\""));
  g_assert_null (strchr (quoted, '\x1b'));
  g_assert_cmpuint (strlen (quoted), <, 400);
  g_clear_pointer (&quoted, g_free);

  /* Reordering marks, C1 controls and invalid UTF-8 are escapes too. */
  quoted = voc_json_quote ("a\u202Eb\xc2\x9b" "c\xff");
  g_assert_cmpstr (quoted, ==, "\"a\\u202Eb\\u009Bc\\xFF\"");
  g_clear_pointer (&quoted, g_free);
  quoted = voc_json_quote ("Deep Learning & AI");
  g_assert_cmpstr (quoted, ==, "\"Deep Learning & AI\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scan/cases", test_cases);
  g_test_add_func ("/json-scan/depth", test_depth);
  g_test_add_func ("/json-scan/encoding", test_encoding);
  g_test_add_func ("/json-scan/null-empty", test_null_empty);
  g_test_add_func ("/json-scan/quote", test_quote);

  return g_test_run ();
}
