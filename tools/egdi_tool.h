/* The egdi command-line tool: shared helpers of its subcommands. */
#ifndef EGDI_TOOL_H
#define EGDI_TOOL_H

#include <stdio.h>

#include <egdi/egdi.h>

/* Exit codes (documented in --help and the README). */
enum {
    EXIT_OK = 0,
    EXIT_FAIL = 1,   /* the computation failed (bad data, bad index definition) */
    EXIT_USAGE = 2,  /* wrong command line */
    EXIT_INPUT = 3,  /* an input file cannot be read or parsed */
    EXIT_OUTPUT = 4  /* the output cannot be written */
};

typedef enum { FMT_TABLE, FMT_CSV, FMT_JSON } out_format;

typedef struct common_opts {
    out_format format;
    const char *output;   /* NULL = stdout */
    int decimals;         /* -1 = default per format */
    const char *countries;
    int edition;          /* --edition YEAR; 0 = from the file's survey_year column */
    int to_stdout;        /* -o -: file output (csv/json) on standard output */
    char delimiter;       /* --delimiter; 0 = detect */
    int decimal_comma;    /* --decimal-comma */
    int allow_out_of_range, allow_edition_mismatch;
    int provenance;       /* --provenance: the provenance comment line in CSV output */
    int drop_absent;      /* --drop-absent-indicators (raw input) */
} common_opts;

#define COMMON_OPTS_INIT {FMT_TABLE, NULL, -1, NULL, 0, 0, 0, 0, 0, 0, 0, 0}

/* Report a library failure with context; returns the exit code for it: 3 for
 * problems of the input data, 1 for other failures. */
int tool_fail(const char *what, egdi_status st);
/* Refuse, before any work, an -o target the library's writers would refuse or
 * that is one of the input files (exit 4), and a --countries file that cannot be
 * read or is not a country table (exit 3); EXIT_OK otherwise. */
int check_output(const common_opts *o, char *const *inputs, int n_inputs);
/* The edition to compute: --edition, else the data's survey_year. Exit code
 * 3 for data without units, 2 without a year, 1 for an edition the library
 * does not know (each with a message); EXIT_OK otherwise. */
int input_edition(const char *cmd, const common_opts *o, const egdi_dataset *data,
                  const char *path, int *edition);
/* The plausibility overrides and --drop-absent-indicators in survey options. */
void apply_survey_options(const common_opts *o, egdi_survey_options *so);
/* With --drop-absent-indicators and raw input: name the indicators left out (a
 * note on stderr and the provenance entry "dropped_indicators"). */
void note_absent_indicators(const common_opts *o, int edition, egdi_survey_input input,
                            const egdi_dataset *data);
int tool_usage(const char *fmt, ...);
/* A whole number in [lo, hi] from an option value; 1 if valid, 0 if not (or NULL). */
int parse_int(const char *val, long lo, long hi, long *out);
/* Parse --format/-o/--decimals/--countries/--edition/--delimiter/--decimal-comma/
 * --allow-* at argv[*i]; 1 if consumed, 0 if not, -1 on error. */
int parse_common(int argc, char **argv, int *i, common_opts *o);
/* Read a Data Center export or a wide CSV (detected from the header) from a
 * path, or standard input for "-". The columns that `input` needs (of
 * o->edition, or of any edition if none is given) must be numeric. On failure
 * the message is printed and the exit code returned. */
int read_input(const char *path, const common_opts *o, egdi_survey_input input,
               egdi_dataset **out, int *is_un);
/* The whole of path ("-" = standard input) in memory, NUL-terminated; refuses
 * directories and devices. A message and EXIT_INPUT on failure. */
int read_whole_input(const char *path, char **text, size_t *len);
/* The survey year in a dataset's survey_year column (its first value), 0 if
 * there is none, -1 if it is not a whole number in 1000..9999. */
int dataset_year(const egdi_dataset *ds);
/* Column position by name or (size_t)-1. */
size_t col(const egdi_dataset *ds, const char *name);
/* 1 if the output is a table on the terminal (no -o, --format table). */
#define WANTS_TABLE(o) ((o)->format == FMT_TABLE && !(o)->output && !(o)->to_stdout)
/* Write a dataset as csv/json to o->output (atomically) or stdout. */
int write_dataset(const egdi_dataset *ds, const common_opts *o, int omit_code);
/* Text output of a command's own (a JSON document, a report): o->output written
 * atomically by the library's rule (egdi_output_open), or standard output.
 * text_output_close commits (EXIT_OUTPUT with a message if that fails). */
int text_output_open(const common_opts *o, egdi_output **out, FILE **fp);
int text_output_close(const common_opts *o, egdi_output *out);
/* The word a keyword parameter's value stands for (parameter k of the
 * registry's method `method`, e.g. sd_type 1 -> "sample"): 1 and the word in
 * buf, or 0 for a numeric parameter. */
int param_word(size_t method, size_t k, double value, char *buf, size_t size);
/* Print s left-aligned in a field of `width` terminal columns (UTF-8 aware). */
void print_cell(FILE *fp, const char *s, int width, int right);
/* Default country table (installed data directory), or NULL if absent. */
const char *default_countries(void);
/* Join the label columns of the country table at `path` (NULL = the default)
 * onto data, matching units by name or by code; returns an exit code. */
int join_countries(egdi_dataset *data, const char *path, int by_name);

/* The row of a country given by unit code, name or (through the country table at
 * countries_path, NULL = the default) ISO alpha-3 code or Data Center name, ignoring
 * ASCII case. EXIT_OK, or EXIT_INPUT with a message naming `text`. */
int find_country(const egdi_dataset *ds, const char *text, const char *countries_path,
                 size_t *row);

/* Provenance of outputs (tools/provenance.c): the command line (recorded by
 * main), then what each command adds (edition, input); provenance_apply puts
 * it into writer options (JSON always; the CSV comment line with `comment`). */
void provenance_command(int argc, char **argv);
void provenance_set(const char *key, const char *value);
void provenance_set_int(const char *key, int value);
/* Append value to key's value ("a; b"), or set it. */
void provenance_add(const char *key, const char *value);
void provenance_apply(egdi_csv_options *co, int comment);
/* The provenance as one JSON object, for commands that write their own JSON. */
void provenance_json(FILE *fp);
/* s as a JSON string ("null" for NULL); s must be UTF-8. */
void json_str(FILE *fp, const char *s);
/* v as a JSON number, the shortest text that reads back exactly; null if not finite. */
void json_num(FILE *fp, double v);

/* Groups for --rank-within/--by (common.c). The memberships file (data/memberships.csv) of
 * the installed data directory, or NULL. */
const char *default_memberships(void);
/* The country table at path (NULL = the default), or NULL if there is none (a --countries
 * file that cannot be read or is not a country table: with a message). Read once per run
 * and shared by every helper that needs it: not to be freed (tool_cleanup() does). */
const egdi_dataset *load_country_table(const char *path);
/* Free what the helpers keep for the run (the country table); main calls it at the end. */
void tool_cleanup(void);
/* --group NAME=A,B,...: add the label column NAME to ds (countries by name or ISO code);
 * exit code 2 for a malformed or empty group, 3 for countries not in ds (all named). */
int add_user_group(const char *cmd, egdi_dataset *ds, const char *spec,
                   const egdi_dataset *countries);
/* Make the label column `name` available in data: a column of it, a --group of groups[],
 * a country-table label (joined), or a membership group of the file `memberships` (NULL =
 * the default) on 1 July of `edition`; an exit code (3 naming the choices if none). */
int provide_label(const char *cmd, egdi_dataset *data, const char *name, int edition,
                  const common_opts *o, const char *memberships, char *const *groups,
                  int n_groups, int is_un);
/* A copy of ds whose unit codes are the ISO alpha-3 codes of the country table (units it
 * does not know keep their code); an exit code. */
int with_iso_codes(const egdi_dataset *ds, const char *countries_path, egdi_dataset **out);

int cmd_compute(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_groups(int argc, char **argv);
int cmd_editions(int argc, char **argv);
int cmd_panel(int argc, char **argv);
int cmd_whatif(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_index(int argc, char **argv);

#endif
