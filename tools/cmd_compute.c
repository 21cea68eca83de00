/* egdi compute: the ranking of one edition. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "egdi_tool.h"

/* Units ordered by rank (ties and unranked units in input order, unranked
 * last): the library's stable ranking of -rank, so no sort is written twice. */
static size_t *rank_order(const egdi_dataset *t, size_t rank_col)
{
    size_t n = egdi_dataset_n_units(t), m = 0;
    size_t *ord = malloc((n ? n : 1) * sizeof *ord);
    double *r = malloc((n ? n : 1) * sizeof *r);
    int *pos = malloc((n ? n : 1) * sizeof *pos);
    if (!ord || !r || !pos || egdi_dataset_get_numeric(t, rank_col, r, n) != EGDI_OK) {
        free(ord), free(r), free(pos);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        r[i] = -r[i]; /* best rank = highest value; NaN stays NaN */
    if (egdi_rank(r, n, -1, EGDI_TIES_FIRST, pos) != EGDI_OK) {
        free(ord), free(r), free(pos);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (pos[i] > 0) {
            ord[pos[i] - 1] = i;
            m++;
        }
    for (size_t i = 0; i < n; i++)
        if (pos[i] == 0)
            ord[m++] = i;
    free(r);
    free(pos);
    return ord;
}

/* --published in the table: the published EGDI and rank, the flag and the reason. */
static void print_published(const egdi_dataset *t, size_t i, size_t jp, int decimals)
{
    double e, r;
    egdi_dataset_get_value(t, i, jp, &e);
    egdi_dataset_get_value(t, i, col(t, "rank_published"), &r);
    if (isnan(e))
        printf("  %8s", "-");
    else
        printf("  %8.*f", decimals, e);
    if (isnan(r))
        printf(" %8s", "-");
    else
        printf(" %8.0f", r);
    printf("  %-9s  %s", egdi_dataset_get_label(t, i, col(t, "published_diff")),
           egdi_dataset_get_label(t, i, col(t, "published_note")));
}

static void print_table(const egdi_dataset *t, int decimals, long top)
{
    const char *num[] = {"egdi", "osi", "tii", "hci"};
    size_t jr = col(t, "rank"), jg = col(t, "group"), jc = col(t, "rating_class"), jn[4];
    size_t ji = col(t, "imputed"), jp = col(t, "egdi_published");
    for (int k = 0; k < 4; k++)
        jn[k] = col(t, num[k]);
    size_t n = egdi_dataset_n_units(t);
    int w = 10;
    for (size_t i = 0; i < n; i++) {
        int len = (int)strlen(egdi_dataset_unit_name(t, i));
        if (len > w)
            w = len > 40 ? 40 : len;
    }
    printf("%5s  ", "rank");
    print_cell(stdout, "name", w, 0);
    printf("  %8s %8s %8s %8s  %-9s %s", "EGDI", "OSI", "TII", "HCI", "group",
           ji != (size_t)-1 ? "class  imputed" : jp != (size_t)-1 ? "class" : "class");
    if (jp != (size_t)-1)
        printf("  %8s %8s  %-9s  %s", "pub.EGDI", "pub.rank", "differs", "why");
    printf("\n");
    for (size_t i = 0; i < n && (top < 0 || (long)i < top); i++) {
        double v;
        egdi_dataset_get_value(t, i, jr, &v);
        if (isnan(v))
            printf("%5s  ", "-");
        else
            printf("%5.0f  ", v);
        char name[41];
        snprintf(name, sizeof name, "%s", egdi_dataset_unit_name(t, i));
        print_cell(stdout, name, w, 0);
        printf(" ");
        for (int k = 0; k < 4; k++) {
            egdi_dataset_get_value(t, i, jn[k], &v);
            if (isnan(v))
                printf(" %8s", "-");
            else
                printf(" %8.*f", decimals, v);
        }
        printf("  %-9s ", egdi_dataset_get_label(t, i, jg));
        const char *imputed = ji != (size_t)-1 ? egdi_dataset_get_label(t, i, ji) : "";
        if (*imputed)
            printf("%-5s  %s", egdi_dataset_get_label(t, i, jc), imputed);
        else if (jp != (size_t)-1)
            printf("%-5s", egdi_dataset_get_label(t, i, jc));
        else
            printf("%s", egdi_dataset_get_label(t, i, jc));
        if (jp != (size_t)-1)
            print_published(t, i, jp, decimals);
        printf("\n");
    }
}

/* --impute METHOD[:COLUMN]: the method by its registry name, the group column
 * (pointing into spec). */
static int parse_impute(const char *spec, egdi_survey_options *so)
{
    const char *colon = strchr(spec, ':');
    size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
    char buf[64];
    if (len >= sizeof buf)
        return tool_usage("compute: --impute: no method is called '%.*s'", (int)len, spec);
    memcpy(buf, spec, len);
    buf[len] = '\0';
    int id;
    if (egdi_method_from_name(EGDI_STEP_IMPUTE, buf, &id) != EGDI_OK)
        return tool_usage("compute: --impute: %s", egdi_last_error());
    so->impute = (egdi_impute)id;
    so->impute_group = colon && colon[1] ? colon + 1 : NULL;
    return EXIT_OK;
}

static int usage_compute(void)
{
    return tool_usage("usage: egdi compute [--edition YEAR] [--input components|raw] "
                      "[--quantile-type 1..9] [--rank-decimals N|exact] "
                      "[--impute METHOD[:COLUMN]] [--drop-absent-indicators] "
                      "[--rank-within NAME]... [--group NAME=A,B,...]... "
                      "[--memberships FILE] [--published] [--use-published] [--countries FILE] "
                      "[--format table|csv|json] [-o FILE] [--decimals N] [--top N] FILE");
}

int cmd_compute(int argc, char **argv)
{
    common_opts o = COMMON_OPTS_INIT;
    long top = -1;
    egdi_survey_input input = EGDI_INPUT_COMPONENTS;
    egdi_survey_options so;
    egdi_survey_options_init(&so);
    char *path = NULL;
    const char *impute = NULL, *within[16], *memberships = NULL;
    size_t n_within = 0;
    char *groups[32];
    int n_groups = 0, published = 0, use_published = 0;
    for (int i = 0; i < argc; i++) {
        int c = parse_common(argc, argv, &i, &o);
        if (c < 0)
            return tool_usage("compute: bad value for %s", argv[i]);
        if (c)
            continue;
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--input") == 0) {
            if (val && strcmp(val, "components") == 0)
                input = EGDI_INPUT_COMPONENTS;
            else if (val && strcmp(val, "raw") == 0)
                input = EGDI_INPUT_RAW;
            else
                return tool_usage("compute: --input takes components or raw");
            i++;
        } else if (strcmp(argv[i], "--quantile-type") == 0) {
            long t;
            if (!parse_int(val, 1, 9, &t))
                return tool_usage("compute: --quantile-type takes 1..9");
            so.quantile_type = (int)t;
            i++;
        } else if (strcmp(argv[i], "--rank-decimals") == 0) {
            long d = -1; /* "exact" */
            if (!val || (strcmp(val, "exact") != 0 && !parse_int(val, 0, 15, &d)))
                return tool_usage("compute: --rank-decimals takes 0..15 or exact");
            so.rank_decimals = (int)d;
            i++;
        } else if (strcmp(argv[i], "--impute") == 0) {
            if (!val)
                return tool_usage("compute: --impute takes METHOD or METHOD:COLUMN");
            impute = val;
            i++;
        } else if (strcmp(argv[i], "--rank-within") == 0) {
            if (!val || n_within == sizeof within / sizeof *within)
                return tool_usage("compute: --rank-within takes a label column such as region");
            within[n_within++] = val;
            i++;
        } else if (strcmp(argv[i], "--group") == 0) {
            if (!val || !strchr(val, '=') || n_groups == (int)(sizeof groups / sizeof *groups))
                return tool_usage("compute: --group takes NAME=A,B,... (countries by name or "
                                  "ISO code)");
            groups[n_groups++] = argv[++i];
        } else if (strcmp(argv[i], "--memberships") == 0) {
            if (!val)
                return tool_usage("compute: --memberships takes a file");
            memberships = argv[++i];
        } else if (strcmp(argv[i], "--published") == 0) {
            published = 1;
        } else if (strcmp(argv[i], "--use-published") == 0) {
            use_published = 1;
        } else if (strcmp(argv[i], "--top") == 0) {
            if (!parse_int(val, 0, 1000000, &top))
                return tool_usage("compute: --top needs a count");
            i++;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return tool_usage("compute: unknown option %s", argv[i]);
        } else if (path) {
            return usage_compute();
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return usage_compute();
    if (impute && parse_impute(impute, &so) != EXIT_OK)
        return EXIT_USAGE;
    apply_survey_options(&o, &so);
    int rc = check_output(&o, (char *const *)&path, 1);
    if (rc != EXIT_OK)
        return rc;
    egdi_dataset *data = NULL, *tab = NULL, *sorted = NULL;
    int is_un;
    if ((rc = read_input(path, &o, input, &data, &is_un)) != EXIT_OK)
        return rc;
    so.rank_within = within;
    so.n_rank_within = n_within;
    so.component_ranks = !WANTS_TABLE(&o); /* CSV and JSON carry them */
    int edition;
    if ((rc = input_edition("compute", &o, data, path, &edition)) != EXIT_OK) {
        egdi_dataset_free(data);
        return rc;
    }
    /* the groups: columns of the input, --group, the country table, memberships */
    const egdi_dataset *countries = n_groups ? load_country_table(o.countries) : NULL;
    for (int g = 0; g < n_groups && rc == EXIT_OK; g++) {
        const char *eq = strchr(groups[g], '=');
        int listed = 0; /* a group that --rank-within asks for is added there */
        for (size_t k = 0; k < n_within; k++)
            listed |= strncmp(within[k], groups[g], (size_t)(eq - groups[g])) == 0 &&
                      within[k][eq - groups[g]] == '\0';
        if (!listed)
            rc = add_user_group("compute", data, groups[g], countries);
    }
    if (rc == EXIT_OK && so.impute_group && col(data, so.impute_group) == (size_t)-1)
        rc = join_countries(data, o.countries, is_un);
    for (size_t k = 0; k < n_within && rc == EXIT_OK; k++)
        rc = provide_label("compute", data, within[k], edition, &o, memberships, groups,
                           n_groups, is_un);
    if (rc != EXIT_OK) {
        egdi_dataset_free(data);
        return rc;
    }
    if ((published || use_published) && input != EGDI_INPUT_COMPONENTS) {
        egdi_dataset_free(data);
        return tool_usage("compute: --published and --use-published take a Data Center export "
                          "(--input components)");
    }
    unsigned flags = (published ? EGDI_PUBLISHED_COLUMNS : 0u) |
                     (use_published ? EGDI_PUBLISHED_RANK : 0u);
    note_absent_indicators(&o, edition, input, data);
    egdi_status st = flags ? egdi_survey_compute_published(edition, data, &so, flags, &tab)
                           : egdi_survey_compute_ex(edition, input, data, &so, &tab);
    if (st != EGDI_OK) {
        char what[512];
        snprintf(what, sizeof what, "%s: computing edition %d",
                 strcmp(path, "-") == 0 ? "<stdin>" : path, edition);
        rc = tool_fail(what, st);
    } else {
        size_t *ord = rank_order(tab, col(tab, "rank"));
        st = ord ? egdi_dataset_select_units(tab, ord, egdi_dataset_n_units(tab), &sorted)
                 : egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
        free(ord);
        if (st != EGDI_OK)
            rc = tool_fail("sorting", st);
        else if (WANTS_TABLE(&o))
            print_table(sorted, o.decimals < 0 ? 4 : o.decimals, top);
        else if (is_un) { /* the ISO code of the country table as the code column */
            egdi_dataset *coded = NULL;
            rc = with_iso_codes(sorted, o.countries, &coded);
            if (rc == EXIT_OK)
                rc = write_dataset(coded, &o, 0);
            egdi_dataset_free(coded);
        } else {
            rc = write_dataset(sorted, &o, 0);
        }
    }
    egdi_dataset_free(sorted);
    egdi_dataset_free(tab);
    egdi_dataset_free(data);
    return rc;
}
