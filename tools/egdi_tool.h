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
} common_opts;

/* Report a library failure with context; returns the exit code for it. */
int tool_fail(const char *what, egdi_status st);
int tool_usage(const char *fmt, ...);
/* A whole number in [lo, hi] from an option value; 1 if valid, 0 if not (or NULL). */
int parse_int(const char *val, long lo, long hi, long *out);
/* Parse --format/-o/--decimals/--countries/--edition at argv[*i]; 1 if consumed, 0 if not, -1 on error. */
int parse_common(int argc, char **argv, int *i, common_opts *o);
/* Read a Data Center export or a wide CSV (detected from the header). */
egdi_status read_input(const char *path, egdi_dataset **out, int *is_un);
/* The survey year in a dataset's survey_year column, or 0. */
int dataset_year(const egdi_dataset *ds);
/* Column position by name or (size_t)-1. */
size_t col(const egdi_dataset *ds, const char *name);
/* Write a dataset as csv/json to o->output (atomically) or stdout. */
int write_dataset(const egdi_dataset *ds, const common_opts *o, int omit_code);
/* Print s left-aligned in a field of `width` terminal columns (UTF-8 aware). */
void print_cell(FILE *fp, const char *s, int width, int right);
/* Default country table (installed data directory), or NULL if absent. */
const char *default_countries(void);
/* Join the label columns of the country table at `path` (NULL = the default)
 * onto data, matching units by name or by code; returns an exit code. */
int join_countries(egdi_dataset *data, const char *path, int by_name);

int cmd_compute(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_groups(int argc, char **argv);
int cmd_editions(int argc, char **argv);

#endif
