/* egdi groups: unweighted averages of the indices per group of units. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "egdi_tool.h"

#define MAX_CUSTOM 32

static const char *const measures[] = {"egdi", "osi", "tii", "hci", "epi"};
#define N_MEASURES 5

/* Add one output row per group of a partition (groups[i] in 0..n_groups-1,
 * -1 = in none): the mean of every measure, one libegdi call per measure. */
static egdi_status add_partition(egdi_dataset *out, const egdi_dataset *tab, const int *groups,
                                 size_t n_groups, const char *const *labels, double *buf)
{
    size_t n = egdi_dataset_n_units(tab), first = egdi_dataset_n_units(out);
    double *means = malloc((n_groups ? n_groups : 1) * sizeof *means);
    size_t *counts = malloc((n_groups ? n_groups : 1) * sizeof *counts);
    egdi_status st =
        means && counts ? EGDI_OK : egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    for (size_t g = 0; g < n_groups && st == EGDI_OK; g++)
        st = egdi_dataset_add_unit(out, labels[g], labels[g], NULL);
    for (int k = 0; k < N_MEASURES && st == EGDI_OK; k++) {
        size_t j = col(tab, measures[k]), oj = col(out, measures[k]);
        if (j == (size_t)-1)
            continue;
        st = egdi_dataset_get_numeric(tab, j, buf, n);
        st = st ? st : egdi_group_means(buf, groups, n, n_groups, means, counts);
        for (size_t g = 0; g < n_groups && st == EGDI_OK; g++) {
            st = egdi_dataset_set_value(out, first + g, oj, means[g]);
            if (st == EGDI_OK && k == 0)
                st = egdi_dataset_set_value(out, first + g, 0, (double)counts[g]);
        }
    }
    free(means);
    free(counts);
    return st;
}

static egdi_status build(const egdi_dataset *tab, const char *by, char **custom, int n_custom,
                         egdi_dataset **out)
{
    size_t n = egdi_dataset_n_units(tab);
    int *member = malloc((n ? n : 1) * sizeof *member);
    double *buf = malloc((n ? n : 1) * sizeof *buf);
    egdi_dataset *ds = NULL;
    egdi_status st = member && buf ? egdi_dataset_new(&ds)
                                   : egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    st = st ? st : egdi_dataset_add_numeric(ds, "n", NULL, 0);
    for (int k = 0; k < N_MEASURES && st == EGDI_OK; k++)
        if (col(tab, measures[k]) != (size_t)-1)
            st = egdi_dataset_add_numeric(ds, measures[k], NULL, 0);
    for (size_t i = 0; i < n; i++)
        member[i] = 0;
    const char *world = "World";
    st = st ? st : add_partition(ds, tab, member, 1, &world, buf);
    size_t jb = by ? col(tab, by) : (size_t)-1;
    if (by && jb == (size_t)-1 && st == EGDI_OK) {
        fprintf(stderr, "egdi: groups: no label column '%s' (see --countries)\n", by);
        st = EGDI_ERR_NOT_FOUND;
    }
    size_t levels = 0;
    if (by && st == EGDI_OK)
        st = egdi_dataset_n_levels(tab, jb, &levels);
    if (levels && st == EGDI_OK) {
        const char **labels = malloc(levels * sizeof *labels);
        st = labels ? egdi_dataset_get_level_codes(tab, jb, member, n)
                    : egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
        for (size_t L = 0; L < levels && st == EGDI_OK; L++)
            labels[L] = egdi_dataset_level(tab, jb, L);
        st = st ? st : add_partition(ds, tab, member, levels, labels, buf);
        free(labels);
    }
    for (int g = 0; g < n_custom && st == EGDI_OK; g++) {
        /* NAME=member,member,... (names or codes) */
        char *spec = custom[g], *eq = strchr(spec, '=');
        *eq = '\0';
        for (size_t i = 0; i < n; i++)
            member[i] = -1;
        for (char *tok = strtok(eq + 1, ","); tok && st == EGDI_OK; tok = strtok(NULL, ",")) {
            size_t u;
            if (egdi_dataset_find_unit(tab, tok, &u) == EGDI_OK ||
                egdi_dataset_find_unit_by_name(tab, tok, &u) == EGDI_OK)
                member[u] = 0;
            else {
                fprintf(stderr, "egdi: groups: group '%s': no country '%s'\n", spec, tok);
                st = EGDI_ERR_NOT_FOUND;
            }
        }
        egdi_clear_error();
        const char *label = spec;
        st = st ? st : add_partition(ds, tab, member, 1, &label, buf);
    }
    free(member);
    free(buf);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

static void print_table(const egdi_dataset *ds, int decimals)
{
    size_t n = egdi_dataset_n_units(ds), nc = egdi_dataset_n_columns(ds);
    print_cell(stdout, "group", 32, 0);
    printf(" %5s", "n");
    for (size_t j = 1; j < nc; j++)
        printf(" %8s", egdi_dataset_column_name(ds, j));
    printf("\n");
    for (size_t i = 0; i < n; i++) {
        print_cell(stdout, egdi_dataset_unit_name(ds, i), 32, 0);
        double v;
        egdi_dataset_get_value(ds, i, 0, &v);
        printf(" %5.0f", v);
        for (size_t j = 1; j < nc; j++) {
            egdi_dataset_get_value(ds, i, j, &v);
            if (isnan(v))
                printf(" %8s", "-");
            else
                printf(" %8.*f", decimals, v);
        }
        printf("\n");
    }
}

int cmd_groups(int argc, char **argv)
{
    common_opts o = COMMON_OPTS_INIT;
    char *path = NULL;
    const char *by = "region";
    char *custom[MAX_CUSTOM];
    int n_custom = 0;
    for (int i = 0; i < argc; i++) {
        int c = parse_common(argc, argv, &i, &o);
        if (c < 0)
            return tool_usage("groups: bad value for %s", argv[i]);
        if (c)
            continue;
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--by") == 0) {
            if (!val)
                return tool_usage("groups: --by needs a column (region, subregion, income, ...)");
            by = strcmp(val, "none") == 0 ? NULL : val;
            i++;
        } else if (strcmp(argv[i], "--group") == 0) {
            if (!val || !strchr(val, '=') || n_custom == MAX_CUSTOM)
                return tool_usage("groups: --group takes NAME=member,member,...");
            custom[n_custom++] = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return tool_usage("groups: unknown option %s", argv[i]);
        } else if (path) {
            return tool_usage("groups: one input file");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return tool_usage("usage: egdi groups [--edition YEAR] [--by COLUMN|none] "
                          "[--group NAME=A,B,...]... [--countries FILE] [--format table|csv|json] "
                          "[-o FILE] FILE");
    int rc = check_output(&o, &path, 1);
    if (rc != EXIT_OK)
        return rc;
    egdi_dataset *data = NULL, *tab = NULL, *out = NULL;
    int is_un;
    egdi_status st;
    if ((rc = read_input(path, &o, EGDI_INPUT_COMPONENTS, &data, &is_un)) != EXIT_OK)
        return rc;
    egdi_survey_options so;
    egdi_survey_options_init(&so);
    apply_survey_options(&o, &so);
    int edition = 0;
    if (by && col(data, by) == (size_t)-1 && (o.countries || default_countries()))
        rc = join_countries(data, o.countries, is_un);
    if (rc == EXIT_OK)
        rc = input_edition("groups", &o, data, path, &edition);
    if (rc == EXIT_OK &&
        (st = egdi_survey_compute_ex(edition, EGDI_INPUT_COMPONENTS, data, &so, &tab)))
        rc = tool_fail(strcmp(path, "-") == 0 ? "<stdin>" : path, st);
    if (rc == EXIT_OK && (st = build(tab, by, custom, n_custom, &out)))
        rc = st == EGDI_ERR_NOT_FOUND ? EXIT_FAIL : tool_fail("averaging", st);
    if (rc == EXIT_OK) {
        if (WANTS_TABLE(&o))
            print_table(out, o.decimals < 0 ? 4 : o.decimals);
        else
            rc = write_dataset(out, &o, 1);
    }
    egdi_dataset_free(out);
    egdi_dataset_free(tab);
    egdi_dataset_free(data);
    return rc;
}
