/* egdi whatif: the smallest value of a component or raw indicator of one
 * country that reaches a target rank, group or rating class (egdi_whatif_solve). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "egdi_tool.h"

#define MAX_VARY 32

static int usage_whatif(void)
{
    return tool_usage("usage: egdi whatif [--edition YEAR] --country NAME|CODE "
                      "(--target-rank N | --target-group VH|H|M|L | --target-class CLASS) "
                      "[--vary osi|tii|hci|uniform|INDICATOR]... [--input components|raw] "
                      "[--lower X] [--upper X] [--tolerance X] [--countries FILE] "
                      "[--format table|csv|json] [-o FILE] [--decimals N] FILE");
}

/* --target-group: a code (VH, H, M, L) or a name ("Very High", ...), any case. */
static int parse_group(const char *s)
{
    for (int g = EGDI_GROUP_LOW; s && g <= EGDI_GROUP_VERY_HIGH; g++)
        if (strcasecmp(s, egdi_group_code(g)) == 0 || strcasecmp(s, egdi_group_name(g)) == 0)
            return g;
    return s && strcasecmp(s, "medium") == 0 ? EGDI_GROUP_MIDDLE : 0;
}

/* --target-class: a class label (VH, V3, ..., L1), any case. */
static int parse_class(const char *s)
{
    for (int c = 1; s && c <= 16; c++)
        if (strcasecmp(s, egdi_rating_class_label(c)) == 0)
            return c;
    return 0;
}

static const char *target_kind(egdi_whatif_target t)
{
    return t == EGDI_WHATIF_RANK ? "rank" : t == EGDI_WHATIF_GROUP ? "group" : "class";
}

/* The target's value as text: "10", "Very High", "VH". */
static void target_text(egdi_whatif_target t, int goal, char *buf, size_t size)
{
    if (t == EGDI_WHATIF_RANK)
        snprintf(buf, size, "%d", goal);
    else
        snprintf(buf, size, "%s", t == EGDI_WHATIF_GROUP ? egdi_group_name(goal)
                                                         : egdi_rating_class_label(goal));
}

typedef struct answer {
    const char *vary;
    egdi_whatif_answer a;
} answer;

/* ---- JSON ---- */
/* "key": v (json_num), then ", " unless last. */
static void json_key_num(FILE *fp, const char *key, double v, int last)
{
    fprintf(fp, "\"%s\": ", key);
    json_num(fp, v);
    fputs(last ? "" : ", ", fp);
}

static void json_rank(FILE *fp, const char *key, int r)
{
    if (r)
        fprintf(fp, "\"%s\": %d, ", key, r);
    else
        fprintf(fp, "\"%s\": null, ", key);
}

static void json_label(FILE *fp, const char *key, const char *s)
{
    fprintf(fp, "\"%s\": ", key);
    json_str(fp, s);
    fputs(", ", fp);
}

/* One object per answer; with provenance {"provenance": {...}, "rows": [...]},
 * as the dataset writer does. */
static void write_json(FILE *fp, const char *name, int edition, egdi_whatif_target t, int goal,
                       const answer *ans, size_t n)
{
    fputs("{\"provenance\": ", fp);
    provenance_json(fp);
    fputs(", \"rows\": ", fp);
    char goal_text[32];
    target_text(t, goal, goal_text, sizeof goal_text);
    fputs("[", fp);
    for (size_t k = 0; k < n; k++) {
        const egdi_whatif_answer *a = &ans[k].a;
        fputs(k ? ",\n {" : "\n {", fp);
        json_label(fp, "name", name);
        fprintf(fp, "\"edition\": %d, ", edition);
        json_label(fp, "vary", ans[k].vary);
        fprintf(fp, "\"target\": {\"kind\": \"%s\", \"value\": ", target_kind(t));
        if (t == EGDI_WHATIF_RANK)
            fprintf(fp, "%d}, ", goal);
        else {
            json_str(fp, goal_text);
            fputs("}, ", fp);
        }
        fprintf(fp, "\"reachable\": %s, \"already_met\": %s, ", a->reachable ? "true" : "false",
                a->already_met ? "true" : "false");
        json_key_num(fp, "value", a->value, 0);
        json_key_num(fp, "change", a->value - a->current_value, 0);
        json_rank(fp, "rank", a->rank);
        json_key_num(fp, "egdi", a->egdi, 0);
        json_label(fp, "group", egdi_group_name(a->group));
        json_label(fp, "rating_class", egdi_rating_class_label(a->rating_class));
        json_key_num(fp, "current_value", a->current_value, 0);
        json_rank(fp, "current_rank", a->current_rank);
        json_key_num(fp, "current_egdi", a->current_egdi, 0);
        json_label(fp, "current_group", egdi_group_name(a->current_group));
        json_label(fp, "current_class", egdi_rating_class_label(a->current_class));
        json_rank(fp, "best_rank", a->best_rank);
        json_key_num(fp, "best_value", a->best_value, 0);
        json_key_num(fp, "lower", a->lower, 0);
        json_key_num(fp, "upper", a->upper, 0);
        fprintf(fp, "\"evaluations\": %zu}", a->evaluations);
    }
    fputs(n ? "\n]" : "]", fp);
    fputs("}\n", fp);
}

/* ---- CSV: the answers as a dataset, written by the library ---- */
static const char *const csv_columns[] = {
    "edition", "vary", "target_kind", "target_value", "reachable", "already_met", "value",
    "change", "rank", "egdi", "group", "rating_class", "current_value", "current_rank",
    "current_egdi", "current_group", "current_class", "best_rank", "best_value", "lower",
    "upper", "evaluations"};
#define N_CSV_COLUMNS (sizeof csv_columns / sizeof *csv_columns)

/* Column c of an answer: a label (*text set) or a number. */
static double csv_field(int edition, egdi_whatif_target t, const char *goal, const answer *an,
                        size_t c, const char **text)
{
    const egdi_whatif_answer *a = &an->a;
    const char *labels[N_CSV_COLUMNS] = {
        [1] = an->vary, [2] = target_kind(t), [3] = goal,
        [4] = a->reachable ? "true" : "false", [5] = a->already_met ? "true" : "false",
        [10] = egdi_group_name(a->group), [11] = egdi_rating_class_label(a->rating_class),
        [15] = egdi_group_name(a->current_group),
        [16] = egdi_rating_class_label(a->current_class)};
    const double nums[N_CSV_COLUMNS] = {
        [0] = edition, [6] = a->value, [7] = a->value - a->current_value,
        [8] = a->rank ? a->rank : NAN, [9] = a->egdi, [12] = a->current_value,
        [13] = a->current_rank ? a->current_rank : NAN, [14] = a->current_egdi,
        [17] = a->best_rank ? a->best_rank : NAN, [18] = a->best_value, [19] = a->lower,
        [20] = a->upper, [21] = (double)a->evaluations};
    *text = labels[c];
    return nums[c];
}

static egdi_status answers_dataset(const char *name, int edition, egdi_whatif_target t, int goal,
                                   const answer *ans, size_t n, egdi_dataset **out)
{
    egdi_dataset *ds = NULL;
    egdi_status st = egdi_dataset_new(&ds);
    for (size_t k = 0; k < n && st == EGDI_OK; k++) {
        char code[300];
        snprintf(code, sizeof code, "%s/%s", name, ans[k].vary);
        st = egdi_dataset_add_unit(ds, code, name, NULL);
    }
    char goal_text[32];
    target_text(t, goal, goal_text, sizeof goal_text);
    for (size_t c = 0; c < N_CSV_COLUMNS && st == EGDI_OK; c++) {
        const char *text;
        csv_field(edition, t, goal_text, &ans[0], c, &text);
        st = text ? egdi_dataset_add_labels(ds, csv_columns[c], NULL, 0)
                  : egdi_dataset_add_numeric(ds, csv_columns[c], NULL, 0);
        for (size_t k = 0; k < n && st == EGDI_OK; k++) {
            double v = csv_field(edition, t, goal_text, &ans[k], c, &text);
            st = text ? egdi_dataset_set_label(ds, k, c, text) : egdi_dataset_set_value(ds, k, c, v);
        }
    }
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

/* ---- the table on the terminal ---- */
/* v rounded up to dec decimals: the printed value still reaches the target. */
static double round_up(double v, int dec)
{
    double scale = 1, x;
    for (int i = 0; i < dec; i++)
        scale *= 10;
    x = v * scale - 1e-9; /* a value printed exactly stays as it is */
    if (!(x > -9e15 && x < 9e15))
        return v;
    long long c = (long long)x; /* truncation: the ceiling of a negative x */
    if ((double)c < x)
        c++;
    return (double)c / scale < v ? (double)(c + 1) / scale : (double)c / scale;
}

static void print_table(const char *name, int edition, egdi_whatif_target t, int goal,
                        const answer *ans, size_t n, int dec)
{
    const egdi_whatif_answer *a0 = &ans[0].a;
    char goal_text[32];
    target_text(t, goal, goal_text, sizeof goal_text);
    printf("%s, edition %d: rank %d, EGDI %.*f, %s%s%s; target: %s %s%s\n", name, edition,
           a0->current_rank, dec, a0->current_egdi, egdi_group_name(a0->current_group),
           a0->current_class ? ", class " : "", egdi_rating_class_label(a0->current_class),
           target_kind(t), t == EGDI_WHATIF_RANK ? "<= " : "at least ", goal_text);
    int w = dec + 4;
    printf("%-24s %*s %*s %*s %5s\n", "vary", w, "now", w, "needed", w, "change", "rank");
    for (size_t k = 0; k < n; k++) {
        const egdi_whatif_answer *a = &ans[k].a;
        int uniform = strcmp(ans[k].vary, "uniform") == 0;
        printf("%-24s ", uniform ? "uniform (each +)" : ans[k].vary);
        if (uniform)
            printf("%*s ", w, "");
        else
            printf("%*.*f ", w, dec, a->current_value);
        if (a->already_met)
            printf("%*s %*s %5d  already met: no change needed\n", w, "-", w, "-", a->rank);
        else if (a->reachable)
            printf("%*.*f %+*.*f %5d  EGDI %.*f, %s%s%s\n", w, dec,
                   round_up(a->value, dec), w, dec,
                   round_up(a->value - a->current_value, dec), a->rank, dec, a->egdi,
                   egdi_group_name(a->group), a->rating_class ? " " : "",
                   egdi_rating_class_label(a->rating_class));
        else
            printf("%*s %*s %5s  out of reach: best rank %d (from %.*f)%s%s at the bound %.*f\n",
                   w, "-", w, "-", "-", a->best_rank, dec, round_up(a->best_value, dec),
                   t == EGDI_WHATIF_RANK ? "" : t == EGDI_WHATIF_GROUP ? ", " : ", class ",
                   t == EGDI_WHATIF_RANK ? "" : t == EGDI_WHATIF_GROUP
                                                    ? egdi_group_name(a->best_group)
                                                    : egdi_rating_class_label(a->best_class),
                   dec, a->upper);
    }
    printf("(values rounded up to %d decimals; -f json gives them exactly)\n", dec);
}

/* --lower/--upper/--tolerance: a finite number. */
static int parse_double(const char *val, double *out)
{
    char *end;
    if (!val || !*val)
        return 0;
    errno = 0;
    *out = strtod(val, &end);
    return !*end && !errno && isfinite(*out);
}

/* The default list: the components and uniform, or every raw indicator of the
 * edition with a natural upper bound (unless --upper gives one). */
static size_t default_vary(int edition, egdi_survey_input input, int have_upper,
                           const egdi_dataset *data, const char **vary)
{
    static const char *const comps[] = {"osi", "tii", "hci", "uniform"};
    size_t n = 0;
    if (input == EGDI_INPUT_COMPONENTS) {
        for (; n < 4; n++)
            vary[n] = comps[n];
        return n;
    }
    const char *all[MAX_VARY], *ind;
    size_t m = 0;
    all[m++] = "osi";
    for (int c = 0; c < 2; c++)
        for (size_t k = 0; (ind = egdi_survey_indicator(edition, c ? "hci" : "tii", k)) &&
                           m < MAX_VARY; k++)
            all[m++] = ind;
    for (size_t k = 0; k < m; k++) {
        double lo, hi;
        if (k && col(data, all[k]) == (size_t)-1)
            continue; /* absent (left out with --drop-absent-indicators, or an error later) */
        if (egdi_whatif_natural_bounds(edition, input, all[k], &lo, &hi) == EGDI_OK &&
            (have_upper || !isnan(hi)))
            vary[n++] = all[k];
        else
            fprintf(stderr, "egdi: whatif: %s has no natural upper bound in %d: skipped "
                    "(give --vary %s --upper X)\n", all[k], edition, all[k]);
    }
    return n;
}

int cmd_whatif(int argc, char **argv)
{
    common_opts o = COMMON_OPTS_INIT;
    egdi_whatif_options wo;
    egdi_whatif_options_init(&wo);
    const char *country = NULL, *vary[MAX_VARY];
    size_t n_vary = 0;
    char *path = NULL;
    egdi_whatif_target target = 0;
    int goal = 0, n_targets = 0;
    for (int i = 0; i < argc; i++) {
        int c = parse_common(argc, argv, &i, &o);
        if (c < 0)
            return tool_usage("whatif: bad value for %s", argv[i]);
        if (c)
            continue;
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        long v;
        if (strcmp(a, "--country") == 0) {
            if (!val)
                return tool_usage("whatif: --country takes a name or ISO alpha-3 code");
            country = argv[++i];
        } else if (strcmp(a, "--target-rank") == 0) {
            if (!parse_int(val, 1, 100000, &v))
                return tool_usage("whatif: --target-rank takes a rank (1, 2, ...)");
            target = EGDI_WHATIF_RANK, goal = (int)v, n_targets++, i++;
        } else if (strcmp(a, "--target-group") == 0) {
            if (!(goal = parse_group(val)))
                return tool_usage("whatif: --target-group takes VH, H, M, L or Very High, High, "
                                  "Middle, Low");
            target = EGDI_WHATIF_GROUP, n_targets++, i++;
        } else if (strcmp(a, "--target-class") == 0) {
            if (!(goal = parse_class(val)))
                return tool_usage("whatif: --target-class takes a rating class (VH, V3, V2, V1, "
                                  "HV, H3, ..., L1)");
            target = EGDI_WHATIF_CLASS, n_targets++, i++;
        } else if (strcmp(a, "--vary") == 0) {
            if (!val || n_vary == MAX_VARY)
                return tool_usage("whatif: --vary takes osi, tii, hci, uniform or an indicator");
            vary[n_vary++] = argv[++i];
        } else if (strcmp(a, "--input") == 0) {
            if (val && strcmp(val, "components") == 0)
                wo.input = EGDI_INPUT_COMPONENTS;
            else if (val && strcmp(val, "raw") == 0)
                wo.input = EGDI_INPUT_RAW;
            else
                return tool_usage("whatif: --input takes components or raw");
            i++;
        } else if (strcmp(a, "--lower") == 0 || strcmp(a, "--upper") == 0 ||
                   strcmp(a, "--tolerance") == 0) {
            double x;
            if (!parse_double(val, &x) || (a[2] == 't' && !(x > 0)))
                return tool_usage("whatif: %s takes a number%s", a,
                                  a[2] == 't' ? " above 0" : "");
            *(a[2] == 'l' ? &wo.lower : a[2] == 'u' ? &wo.upper : &wo.tolerance) = x;
            i++;
        } else if (a[0] == '-' && a[1]) {
            return tool_usage("whatif: unknown option %s", a);
        } else if (path) {
            return usage_whatif();
        } else {
            path = argv[i];
        }
    }
    if (!path || !country)
        return usage_whatif();
    if (n_targets != 1)
        return tool_usage("whatif: give one target: --target-rank N, --target-group G or "
                          "--target-class C");
    int rc = check_output(&o, &path, 1);
    egdi_dataset *data = NULL;
    int is_un = 0, edition = 0;
    if (rc == EXIT_OK)
        rc = read_input(path, &o, wo.input, &data, &is_un);
    if (rc != EXIT_OK)
        return rc;
    size_t row;
    if ((rc = input_edition("whatif", &o, data, path, &edition)) == EXIT_OK)
        rc = find_country(data, country, o.countries, &row);
    if (rc == EXIT_OK && n_vary == 0)
        n_vary = default_vary(edition, wo.input, !isnan(wo.upper), data, vary);
    egdi_survey_options so;
    egdi_survey_options_init(&so);
    apply_survey_options(&o, &so);
    if (rc == EXIT_OK)
        note_absent_indicators(&o, edition, wo.input, data);
    wo.survey = &so;
    answer ans[MAX_VARY];
    const char *code = rc == EXIT_OK ? egdi_dataset_unit_code(data, row) : NULL;
    const char *name = rc == EXIT_OK ? egdi_dataset_unit_name(data, row) : NULL;
    for (size_t k = 0; k < n_vary && rc == EXIT_OK; k++) {
        ans[k].vary = vary[k];
        ans[k].a.version = EGDI_WHATIF_ANSWER_VERSION;
        egdi_status st = egdi_whatif_solve(edition, data, code, vary[k], target, goal, &wo,
                                           &ans[k].a);
        if (st == EGDI_ERR_NOT_FOUND || st == EGDI_ERR_INVALID_ARG) {
            fprintf(stderr, "egdi: whatif: %s\n", egdi_last_error());
            rc = EXIT_USAGE; /* a name or bound of the command line */
        } else if (st != EGDI_OK) {
            rc = tool_fail(strcmp(path, "-") == 0 ? "<stdin>" : path, st);
        }
    }
    provenance_set_int("edition", edition);
    provenance_set("input", strcmp(path, "-") == 0 ? "<stdin>" : path);
    if (rc == EXIT_OK && n_vary == 0) {
        fprintf(stderr, "egdi: whatif: nothing to vary\n");
        rc = EXIT_USAGE;
    }
    egdi_edition_info info = {.version = EGDI_EDITION_INFO_VERSION};
    int dec = o.decimals >= 0 ? o.decimals
              : egdi_survey_edition_info(edition, &info) == EGDI_OK ? info.decimals : 5;
    if (rc == EXIT_OK && WANTS_TABLE(&o)) {
        print_table(name, edition, target, goal, ans, n_vary, dec);
    } else if (rc == EXIT_OK && o.format == FMT_JSON) {
        egdi_output *of;
        FILE *fp;
        if ((rc = text_output_open(&o, &of, &fp)) == EXIT_OK) {
            write_json(fp, name, edition, target, goal, ans, n_vary);
            rc = text_output_close(&o, of);
        }
    } else if (rc == EXIT_OK) {
        egdi_dataset *tab = NULL;
        egdi_status st = answers_dataset(name, edition, target, goal, ans, n_vary, &tab);
        rc = st == EGDI_OK ? write_dataset(tab, &o, 1) : tool_fail("writing", st);
        egdi_dataset_free(tab);
    }
    egdi_dataset_free(data);
    return rc;
}
