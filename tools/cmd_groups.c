/* egdi groups: unweighted averages of the indices per group of units. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "egdi_tool.h"

#define MAX_CUSTOM 32

static const char *const measures[] = {"egdi", "osi", "tii", "hci", "epi"};
#define N_MEASURES 5

/* The "best" label of each group: the names of its units of the best rank
 * (several, "; "-separated, for a tie), "" for a group without a ranked unit. */
static egdi_status set_best(egdi_dataset *out, size_t first, const egdi_dataset *tab,
                            const int *groups, size_t n_groups, double *buf)
{
    size_t n = egdi_dataset_n_units(tab), jb = col(out, "best");
    double *best = malloc((n_groups ? n_groups : 1) * sizeof *best);
    egdi_status st = best ? egdi_dataset_get_numeric(tab, col(tab, "rank"), buf, n)
                          : egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    for (size_t g = 0; g < n_groups; g++)
        best[g] = NAN;
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        if (groups[i] >= 0 && !isnan(buf[i]) && !(buf[i] >= best[groups[i]]))
            best[groups[i]] = buf[i];
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        if (groups[i] < 0 || isnan(buf[i]) || buf[i] != best[groups[i]])
            continue;
        size_t row = first + (size_t)groups[i];
        const char *have = egdi_dataset_get_label(out, row, jb), *name = egdi_dataset_unit_name(tab, i);
        char *text = malloc(strlen(have) + strlen(name) + 3);
        if (!text) {
            st = egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
            break;
        }
        sprintf(text, "%s%s%s", have, *have ? "; " : "", name);
        st = egdi_dataset_set_label(out, row, jb, text);
        free(text);
    }
    free(best);
    return st;
}

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
    return st ? st : set_best(out, first, tab, groups, n_groups, buf);
}

/* One row per group: World (with `world`), the groups of the label column `by`
 * (NULL = none; "group" = the EGDI groups, best first), then the --group groups
 * (label columns of tab). */
static egdi_status build(const egdi_dataset *tab, int world, const char *by, char **custom,
                         int n_custom, egdi_dataset **out)
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
    st = st ? st : egdi_dataset_add_labels(ds, "best", NULL, 0);
    for (size_t i = 0; member && i < n; i++)
        member[i] = 0;
    const char *label = "World";
    if (world)
        st = st ? st : add_partition(ds, tab, member, 1, &label, buf);
    size_t jb = by ? col(tab, by) : (size_t)-1;
    if (by && jb == (size_t)-1 && st == EGDI_OK) {
        fprintf(stderr, "egdi: groups: no label column '%s' (see --countries)\n", by);
        st = EGDI_ERR_NOT_FOUND;
    }
    if (by && strcmp(by, "group") == 0 && st == EGDI_OK) {
        static const char *const order[] = {"Very High", "High", "Middle", "Low"};
        for (size_t i = 0; i < n; i++) {
            const char *g = egdi_dataset_get_label(tab, i, jb);
            member[i] = -1;
            for (int k = 0; k < 4; k++)
                if (strcmp(g, order[k]) == 0)
                    member[i] = k;
        }
        st = add_partition(ds, tab, member, 4, (const char *const *)order, buf);
        by = NULL;
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
        /* --group NAME=...: the label column NAME, made before the computation */
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(strchr(custom[g], '=') - custom[g]), custom[g]);
        st = egdi_dataset_get_level_codes(tab, col(tab, name), member, n);
        label = name;
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

static void print_table(const egdi_dataset *ds, int decimals, const char *first)
{
    size_t n = egdi_dataset_n_units(ds), nc = egdi_dataset_n_columns(ds);
    print_cell(stdout, first, 32, 0);
    printf(" %5s", "n");
    for (size_t j = 1; j < nc; j++)
        if (j + 1 < nc)
            printf(" %8s", egdi_dataset_column_name(ds, j));
    printf("  best\n");
    for (size_t i = 0; i < n; i++) {
        print_cell(stdout, egdi_dataset_unit_name(ds, i), 32, 0);
        double v;
        egdi_dataset_get_value(ds, i, 0, &v);
        printf(" %5.0f", v);
        for (size_t j = 1; j + 1 < nc; j++) {
            egdi_dataset_get_value(ds, i, j, &v);
            if (isnan(v))
                printf(" %8s", "-");
            else
                printf(" %8.*f", decimals, v);
        }
        printf("  %s\n", egdi_dataset_get_label(ds, i, nc - 1));
    }
}

int cmd_groups(int argc, char **argv)
{
    common_opts o = COMMON_OPTS_INIT;
    char *path = NULL;
    const char *by = "region";
    const char *memberships = NULL;
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
        } else if (strcmp(argv[i], "--memberships") == 0) {
            if (!val)
                return tool_usage("groups: --memberships takes a file");
            memberships = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return tool_usage("groups: unknown option %s", argv[i]);
        } else if (path) {
            return tool_usage("groups: one input file");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return tool_usage("usage: egdi groups [--edition YEAR] [--by NAME|group|none] "
                          "[--group NAME=A,B,...]... [--memberships FILE] [--countries FILE] "
                          "[--format table|csv|json] [-o FILE] FILE");
    int rc = check_output(&o, &path, 1);
    if (rc != EXIT_OK)
        return rc;
    egdi_dataset *data = NULL, *tab = NULL, *out = NULL, *levels = NULL;
    int is_un;
    egdi_status st;
    if ((rc = read_input(path, &o, EGDI_INPUT_COMPONENTS, &data, &is_un)) != EXIT_OK)
        return rc;
    egdi_survey_options so;
    egdi_survey_options_init(&so);
    apply_survey_options(&o, &so);
    int edition = 0;
    rc = input_edition("groups", &o, data, path, &edition);
    /* --group NAME=...: label columns carried into the ranking table */
    const egdi_dataset *countries = n_custom ? load_country_table(o.countries) : NULL;
    for (int g = 0; g < n_custom && rc == EXIT_OK; g++)
        rc = add_user_group("groups", data, custom[g], countries);
    /* --by: a column of the input, a country-table label, a membership; "group"
     * and "rating_class" are columns of the ranking table */
    if (rc == EXIT_OK && by && strcmp(by, "group") != 0 && strcmp(by, "rating_class") != 0)
        rc = provide_label("groups", data, by, edition, &o, memberships, NULL, 0, is_un);
    if (rc == EXIT_OK &&
        (st = egdi_survey_compute_ex(edition, EGDI_INPUT_COMPONENTS, data, &so, &tab)))
        rc = tool_fail(strcmp(path, "-") == 0 ? "<stdin>" : path, st);
    if (rc == EXIT_OK && (st = build(tab, 1, by, custom, n_custom, &out)))
        rc = st == EGDI_ERR_NOT_FOUND ? EXIT_FAIL : tool_fail("averaging", st);
    /* the table also shows the EGDI groups: units and the best unit in each */
    int show_levels = WANTS_TABLE(&o) && !(by && strcmp(by, "group") == 0);
    if (rc == EXIT_OK && show_levels && (st = build(tab, 0, "group", NULL, 0, &levels)))
        rc = tool_fail("averaging", st);
    if (rc == EXIT_OK) {
        if (WANTS_TABLE(&o)) {
            print_table(out, o.decimals < 0 ? 4 : o.decimals, "group");
            if (show_levels) {
                printf("\n");
                print_table(levels, o.decimals < 0 ? 4 : o.decimals, "EGDI group");
            }
        } else {
            rc = write_dataset(out, &o, 1);
        }
    }
    egdi_dataset_free(levels);
    egdi_dataset_free(out);
    egdi_dataset_free(tab);
    egdi_dataset_free(data);
    return rc;
}
