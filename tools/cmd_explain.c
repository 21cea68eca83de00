/* egdi explain: a country's EGDI gap to another country, the best country or
 * a group's average, split into each component's (and, with raw input, each
 * indicator's) contribution; and its strengths and weaknesses by rank. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "egdi_tool.h"

static int usage_explain(void)
{
    return tool_usage("usage: egdi explain --country NAME|CODE "
                      "[--versus NAME|CODE|world|best|region|subregion|income|LABEL] "
                      "[--edition YEAR] [--input components|raw] [--top N] [--bottom N] "
                      "[--min-rank-gap N] [--countries FILE] [--format table|csv|json] "
                      "[-o FILE] [--decimals N] FILE");
}

/* The label columns a --versus group may come from, in the order tried. */
static const char *const group_columns[] = {"region", "subregion", "income", "status"};
#define N_GROUP_COLUMNS 4

/* --versus: world, best, a label column keyword (the country's own group), a
 * label of one of those columns (e.g. "Asia"), else a country. */
static int resolve_versus(const egdi_dataset *data, const char *text, const common_opts *o,
                          egdi_explain_options *eo)
{
    if (!text || strcasecmp(text, "world") == 0) {
        eo->versus = EGDI_VERSUS_MEAN;
        return EXIT_OK;
    }
    if (strcasecmp(text, "best") == 0) {
        eo->versus = EGDI_VERSUS_BEST;
        return EXIT_OK;
    }
    for (int c = 0; c < N_GROUP_COLUMNS; c++) {
        size_t j = col(data, group_columns[c]);
        if (j == (size_t)-1)
            continue;
        if (strcasecmp(text, group_columns[c]) == 0) {
            eo->versus = EGDI_VERSUS_MEAN;
            eo->group_column = group_columns[c];
            return EXIT_OK;
        }
        size_t levels = 0;
        if (egdi_dataset_n_levels(data, j, &levels) != EGDI_OK)
            continue;
        for (size_t k = 0; k < levels; k++)
            if (strcasecmp(text, egdi_dataset_level(data, j, k)) == 0) {
                eo->versus = EGDI_VERSUS_MEAN;
                eo->group_column = group_columns[c];
                eo->group_label = egdi_dataset_level(data, j, k);
                return EXIT_OK;
            }
    }
    size_t row;
    int rc = find_country(data, text, o->countries, &row);
    if (rc == EXIT_OK) {
        eo->versus = EGDI_VERSUS_UNIT;
        eo->versus_unit = egdi_dataset_unit_code(data, row);
    }
    return rc;
}

/* One table for files: the gap columns, then the strengths' own columns. */
static egdi_status merge(const egdi_dataset *gap, const egdi_dataset *str, egdi_dataset **out)
{
    egdi_dataset *m = NULL;
    egdi_status st = egdi_dataset_clone(gap, &m);
    size_t n = egdi_dataset_n_units(str);
    double *buf = malloc((n ? n : 1) * sizeof *buf);
    const char **labels = malloc((n ? n : 1) * sizeof *labels);
    if (st == EGDI_OK && (!buf || !labels))
        st = egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    static const char *const skip[] = {"parent", "unit", "depth", "value"};
    for (size_t j = 0; j < egdi_dataset_n_columns(str) && st == EGDI_OK; j++) {
        const char *name = egdi_dataset_column_name(str, j);
        int skipped = 0;
        for (size_t k = 0; k < sizeof skip / sizeof *skip; k++)
            skipped |= strcmp(name, skip[k]) == 0;
        if (skipped)
            continue;
        egdi_column_kind kind;
        st = egdi_dataset_column_kind(str, j, &kind);
        if (st == EGDI_OK && kind == EGDI_COLUMN_NUMERIC) {
            st = egdi_dataset_get_numeric(str, j, buf, n);
            st = st ? st : egdi_dataset_add_numeric(m, name, buf, n);
        } else if (st == EGDI_OK) {
            for (size_t i = 0; i < n; i++)
                labels[i] = egdi_dataset_get_label(str, i, j);
            st = egdi_dataset_add_labels(m, name, labels, n);
        }
    }
    free(buf);
    free(labels);
    if (st != EGDI_OK) {
        egdi_dataset_free(m);
        return st;
    }
    *out = m;
    return EGDI_OK;
}

static double value(const egdi_dataset *ds, size_t i, const char *column)
{
    double v = NAN;
    size_t j = col(ds, column);
    if (j != (size_t)-1)
        egdi_dataset_get_value(ds, i, j, &v);
    return v;
}

static void print_number(double v, int width, int decimals)
{
    if (isnan(v))
        printf(" %*s", width, "-");
    else
        printf(" %*.*f", width, decimals, v);
}

/* The node code indented by its depth. */
static void print_node(const egdi_dataset *ds, size_t i)
{
    char node[64];
    int depth = (int)value(ds, i, "depth");
    snprintf(node, sizeof node, "%*s%s", 2 * depth, "", egdi_dataset_unit_code(ds, i));
    print_cell(stdout, node, 28, 0);
}

static void print_tables(const egdi_dataset *gap, const egdi_dataset *str, const char *name_a,
                         const char *name_b, int edition, int decimals, const char *how)
{
    size_t n = egdi_dataset_n_units(gap);
    printf("%s versus %s, edition %d (%s input)\n", name_a, name_b, edition, how);
    printf("A = %s, B = %s; contribution = effective weight x (A - B); the contributions "
           "of a node's children sum to its own\n\n", name_a, name_b);
    print_cell(stdout, "node", 28, 0);
    printf(" %9s %10s %10s %10s %12s %8s\n", "weight", "A", "B", "A - B", "contribution",
           "share");
    for (size_t i = 0; i < n; i++) {
        print_node(gap, i);
        print_number(value(gap, i, "weight"), 9, decimals);
        print_number(value(gap, i, "value_a"), 10, decimals);
        print_number(value(gap, i, "value_b"), 10, decimals);
        print_number(value(gap, i, "gap"), 10, decimals);
        print_number(value(gap, i, "contribution"), 12, decimals);
        double share = value(gap, i, "share");
        if (isnan(share))
            printf(" %8s\n", "-");
        else
            printf(" %7.1f%%\n", 100 * share);
    }
    double overall = value(str, 0, "overall_rank"), of = value(str, 0, "n_ranked");
    printf("\nstrengths and weaknesses of %s (overall rank %.0f of %.0f)\n", name_a, overall, of);
    print_cell(stdout, "node", 28, 0);
    printf(" %10s %6s %6s %11s  %s\n", "value", "rank", "of", "difference", "label");
    for (size_t i = 0; i < egdi_dataset_n_units(str); i++) {
        print_node(str, i);
        print_number(value(str, i, "value"), 10, decimals);
        print_number(value(str, i, "rank"), 6, 0);
        print_number(value(str, i, "n_ranked"), 6, 0);
        double d = value(str, i, "difference");
        if (isnan(d) || i == 0) /* the root: the overall rank itself */
            printf(" %11s", "-");
        else
            printf(" %+11.0f", d);
        size_t jl = col(str, "label");
        const char *label = jl == (size_t)-1 ? "" : egdi_dataset_get_label(str, i, jl);
        printf("  %s\n", label ? label : "");
    }
}

static int parse_count(const char *val, long lo, long *out, const char *what)
{
    if (!parse_int(val, lo, 100000, out)) {
        tool_usage("explain: %s takes a whole number >= %ld", what, lo);
        return 0;
    }
    return 1;
}

int cmd_explain(int argc, char **argv)
{
    common_opts o = COMMON_OPTS_INIT;
    egdi_survey_input input = EGDI_INPUT_COMPONENTS;
    egdi_explain_options eo;
    egdi_explain_options_init(&eo);
    const char *country = NULL, *versus_text = NULL;
    char *path = NULL;
    long v;
    for (int i = 0; i < argc; i++) {
        int c = parse_common(argc, argv, &i, &o);
        if (c < 0)
            return tool_usage("explain: bad value for %s", argv[i]);
        if (c)
            continue;
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--country") == 0) {
            if (!val)
                return tool_usage("explain: --country takes a country name or ISO code");
            country = argv[++i];
        } else if (strcmp(argv[i], "--versus") == 0) {
            if (!val)
                return tool_usage("explain: --versus takes a country, world, best or a group");
            versus_text = argv[++i];
        } else if (strcmp(argv[i], "--input") == 0) {
            if (val && strcmp(val, "components") == 0)
                input = EGDI_INPUT_COMPONENTS;
            else if (val && strcmp(val, "raw") == 0)
                input = EGDI_INPUT_RAW;
            else
                return tool_usage("explain: --input takes components or raw");
            i++;
        } else if (strcmp(argv[i], "--top") == 0) {
            if (!parse_count(val, 0, &v, "--top"))
                return EXIT_USAGE;
            eo.top_n = (size_t)v, i++;
        } else if (strcmp(argv[i], "--bottom") == 0) {
            if (!parse_count(val, 0, &v, "--bottom"))
                return EXIT_USAGE;
            eo.bottom_n = (size_t)v, i++;
        } else if (strcmp(argv[i], "--min-rank-gap") == 0) {
            if (!parse_count(val, 1, &v, "--min-rank-gap"))
                return EXIT_USAGE;
            eo.min_rank_gap = (int)v, i++;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return tool_usage("explain: unknown option %s", argv[i]);
        } else if (path) {
            return usage_explain();
        } else {
            path = argv[i];
        }
    }
    if (!path || !country)
        return usage_explain();
    int rc = check_output(&o, &path, 1);
    if (rc != EXIT_OK)
        return rc;
    egdi_dataset *data = NULL, *gap = NULL, *str = NULL, *merged = NULL;
    int is_un, edition = 0;
    if ((rc = read_input(path, &o, input, &data, &is_un)) != EXIT_OK)
        return rc;
    const char *source = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (col(data, "region") == (size_t)-1 && (o.countries || default_countries()))
        rc = join_countries(data, o.countries, is_un);
    if (rc == EXIT_OK)
        rc = input_edition("explain", &o, data, path, &edition);
    /* explain checks and computes the data as egdi compute does (components in
     * [0, 1], the year, ...), with the same overrides */
    egdi_survey_options so;
    egdi_survey_options_init(&so);
    apply_survey_options(&o, &so);
    eo.survey = &so;
    note_absent_indicators(&o, edition, input, data);
    egdi_status st;
    size_t row_a = 0;
    if (rc == EXIT_OK)
        rc = find_country(data, country, o.countries, &row_a);
    if (rc == EXIT_OK)
        rc = resolve_versus(data, versus_text, &o, &eo);
    const char *code_a = rc == EXIT_OK ? egdi_dataset_unit_code(data, row_a) : NULL;
    if (rc == EXIT_OK && eo.versus == EGDI_VERSUS_UNIT && strcmp(eo.versus_unit, code_a) == 0)
        rc = tool_usage("explain: --versus names %s itself", egdi_dataset_unit_name(data, row_a));
    if (rc == EXIT_OK &&
        (st = egdi_survey_explain(edition, input, data, code_a, &eo, &gap, &str))) {
        char what[512];
        snprintf(what, sizeof what, "%s: explaining %s in edition %d", source, code_a, edition);
        rc = tool_fail(what, st);
    }
    if (rc == EXIT_OK) {
        provenance_set_int("edition", edition);
        provenance_set("country", code_a);
        provenance_set("versus", egdi_dataset_get_label(gap, 0, col(gap, "versus")));
        if (WANTS_TABLE(&o)) {
            size_t b;
            const char *vb = egdi_dataset_get_label(gap, 0, col(gap, "versus"));
            const char *name_b = vb;
            char mean[160];
            if (eo.versus == EGDI_VERSUS_MEAN) {
                snprintf(mean, sizeof mean, "the average of %s", vb);
                name_b = mean;
            } else if (egdi_dataset_find_unit(data, vb, &b) == EGDI_OK) {
                name_b = egdi_dataset_unit_name(data, b);
            }
            print_tables(gap, str, egdi_dataset_unit_name(data, row_a), name_b, edition,
                         o.decimals < 0 ? 4 : o.decimals,
                         input == EGDI_INPUT_RAW ? "raw" : "components");
        } else if ((st = merge(gap, str, &merged)) != EGDI_OK) {
            rc = tool_fail("explain", st);
        } else {
            rc = write_dataset(merged, &o, 0);
        }
    }
    egdi_dataset_free(merged);
    egdi_dataset_free(gap);
    egdi_dataset_free(str);
    egdi_dataset_free(data);
    return rc;
}
