/* What egdi panel and egdi compare share (tools/cmd_panel.c): reading editions
 * into a panel, finding countries in it, the methodology notes. */
#ifndef EGDI_CMD_PANEL_H
#define EGDI_CMD_PANEL_H

#include "egdi_tool.h"

#define PANEL_MAX_FILES 32

typedef struct panel_inputs {
    int n;
    int years[PANEL_MAX_FILES];
    egdi_dataset *data[PANEL_MAX_FILES];
} panel_inputs;

/* Read the files (each a Data Center export or a wide CSV with a survey_year
 * column) and compute them into a panel, with ISO codes from the country table
 * (--countries, else the bundled one if found). Editions outside [from, to]
 * (0 = open) are skipped. Returns an exit code, with a message on failure. */
int panel_load(const char *cmd, char **paths, int n, const common_opts *o, int from, int to,
               panel_inputs *in, egdi_dataset **panel);
void panel_inputs_free(panel_inputs *in);
/* Keep the rows of a table (one row per country, unit code = country code)
 * named by --country texts (name or ISO code; find_country()). EXIT_OK and
 * *out, or the exit code of an unknown country. */
int panel_select(const egdi_dataset *table, char **only, int n_only, const char *countries,
                 egdi_dataset **out);
/* Print "methodology changed between A and B: ..." lines for consecutive
 * editions that differ (nothing for editions that are not built in). */
void panel_print_changes(FILE *fp, const int *years, int n);
/* Print an egdi_panel_compare() table: code, name, EGDI and rank per edition
 * (ranks only if ranks_only) and the rank change from the first edition to the
 * last. */
void panel_print_table(const egdi_dataset *ds, const int *years, int n, int decimals,
                       int ranks_only);

#endif
