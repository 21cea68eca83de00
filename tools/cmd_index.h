/* What the parts of egdi index share: cmd_index.c (the command line and
 * index compute), cmd_index_check.c (index check) and cmd_index_stats.c
 * (index stats): the options and reading the iMeta definition and the data. */
#ifndef EGDI_CMD_INDEX_H
#define EGDI_CMD_INDEX_H

#include "egdi_tool.h"

typedef struct index_opts {
    common_opts c;
    const char *normalise, *aggregate, *code_column, *name_column;
    char *nodes;       /* --nodes A,B,... (split in place) */
    int ranks, raw, rank_decimals;
} index_opts;

/* The options the index subcommands share: parse_common()'s, --normalise (--normalize),
 * --aggregate and, if `columns`, --code-column and --name-column. 1 if argv[*i] is one
 * (*i then points at its last word), 0 if not, -1 after printing a usage error that
 * names `cmd` (the caller exits with EXIT_USAGE). */
int index_parse_option(int argc, char **argv, int *i, index_opts *io, int columns,
                       const char *cmd);
/* Read the definition, printing the library's notes; an exit code. */
int index_read_meta(const char *path, const index_opts *io, egdi_index **idx);
/* Read the data for idx (a file or '-' = stdin): the indicators' source columns must be
 * numbers cell by cell; unit codes and names from --code-column/--name-column, else
 * "code"/"name", else COINr's "uCode"/"uName" when the file has them. Prints the error;
 * an exit code (EXIT_INPUT if unreadable or invalid). */
int index_read_data(const char *path, const index_opts *io, const egdi_index *idx,
                    egdi_dataset **out);
/* egdi index check META.csv: validate it and summarise the tree; an exit code. */
int index_check(const char *path, index_opts *io);
/* egdi index stats [options] META.csv DATA.csv (cmd_index_stats.c); an exit code. */
int index_stats(int argc, char **argv);

#endif
