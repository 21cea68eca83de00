/* egdi compare: EGDI and rank of the same countries across editions, sorted,
 * with ISO codes and the methodology changes between the editions compared. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_panel.h"

static int usage_compare(const char *what)
{
    return tool_usage("compare: %s\nusage: egdi compare [--country NAME|CODE]... "
                      "[--sort rank|change] [--countries FILE] [-f table|csv|json] [-o FILE] "
                      "FILE_A FILE_B [FILE_C ...]", what);
}

int cmd_compare(int argc, char **argv)
{
    common_opts o = COMMON_OPTS_INIT;
    char *paths[PANEL_MAX_FILES], *only[256];
    int n = 0, n_only = 0;
    egdi_panel_sort sort = EGDI_PANEL_SORT_LATEST_RANK;
    for (int i = 0; i < argc; i++) {
        int c = parse_common(argc, argv, &i, &o);
        if (c < 0)
            return tool_usage("compare: bad value for %s", argv[i]);
        if (c)
            continue;
        if (strcmp(argv[i], "--country") == 0 || strcmp(argv[i], "-c") == 0) {
            if (i + 1 >= argc || n_only == 256)
                return tool_usage("compare: --country needs a name or ISO code");
            only[n_only++] = argv[++i];
        } else if (strcmp(argv[i], "--sort") == 0) {
            const char *v = i + 1 < argc ? argv[++i] : "";
            if (strcmp(v, "rank") != 0 && strcmp(v, "change") != 0)
                return tool_usage("compare: --sort takes rank or change");
            sort = v[0] == 'r' ? EGDI_PANEL_SORT_LATEST_RANK : EGDI_PANEL_SORT_RANK_CHANGE;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "egdi: compare: unknown option %s\n", argv[i]);
            return usage_compare("unknown option");
        } else if (n == PANEL_MAX_FILES) {
            return tool_usage("compare: at most %d files", PANEL_MAX_FILES);
        } else {
            paths[n++] = argv[i];
        }
    }
    if (o.edition)
        return tool_usage("compare: each file's edition comes from its survey_year column");
    if (n < 2)
        return usage_compare("give two files or more");
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++)
            if (strcmp(paths[a], "-") == 0 && strcmp(paths[b], "-") == 0)
                return tool_usage("compare: standard input ('-') can be read once only");
    int rc = check_output(&o, paths, n);
    if (rc != EXIT_OK)
        return rc;
    panel_inputs in;
    egdi_dataset *panel = NULL, *cmp = NULL, *sel = NULL;
    rc = panel_load("compare", paths, n, &o, 0, 0, &in, &panel);
    /* the editions in the order of the files: changes from one file to the next */
    egdi_status st = rc == EXIT_OK
                         ? egdi_panel_compare(panel, in.years, (size_t)in.n, sort, &cmp)
                         : EGDI_OK;
    if (st != EGDI_OK)
        rc = tool_fail("compare", st);
    if (rc == EXIT_OK && n_only)
        rc = panel_select(cmp, only, n_only, o.countries, &sel);
    if (rc == EXIT_OK) {
        if (WANTS_TABLE(&o)) {
            panel_print_changes(stdout, in.years, in.n);
            panel_print_table(sel ? sel : cmp, in.years, in.n, o.decimals < 0 ? 4 : o.decimals,
                              0);
        } else {
            rc = write_dataset(sel ? sel : cmp, &o, 0);
        }
    }
    egdi_dataset_free(sel);
    egdi_dataset_free(cmp);
    egdi_dataset_free(panel);
    panel_inputs_free(&in);
    return rc;
}
