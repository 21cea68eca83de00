/* The public method registry (method.h) and method choice by name with text parameters
 * (egdi_index_set_method). Expected names, ids and parameters are those documented in
 * index.h and method.h. */
#include "test_util.h"

/* Every method the headers document: step, enum value, name. */
typedef struct known {
    egdi_step step;
    int id;
    const char *name;
} known;
static const known documented[] = {
    {EGDI_STEP_IMPUTE, EGDI_IMPUTE_NONE, "none"},
    {EGDI_STEP_IMPUTE, EGDI_IMPUTE_MEAN, "mean"},
    {EGDI_STEP_IMPUTE, EGDI_IMPUTE_MEDIAN, "median"},
    {EGDI_STEP_IMPUTE, EGDI_IMPUTE_GROUP_MEAN, "groupmean"},
    {EGDI_STEP_IMPUTE, EGDI_IMPUTE_GROUP_MEDIAN, "groupmedian"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_NONE, "none"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_ZSCORE, "zscore"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_MINMAX, "minmax"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_GOALPOSTS, "goalposts"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_FRACMAX, "fracmax"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_RANK, "rank"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_PRANK, "prank"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_BORDA, "borda"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_DIST2MAX, "dist2max"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_DIST2REF, "dist2ref"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_DIST2TARG, "dist2targ"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_SCALED, "scaled"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_BOXCOX, "boxcox"},
    {EGDI_STEP_NORMALISE, EGDI_NORM_LOG, "log"},
    {EGDI_STEP_AGGREGATE, EGDI_AGG_MEAN, "mean"},
    {EGDI_STEP_AGGREGATE, EGDI_AGG_GEOMEAN, "geomean"},
    {EGDI_STEP_AGGREGATE, EGDI_AGG_HARMEAN, "harmean"},
    {EGDI_STEP_AGGREGATE, EGDI_AGG_GENMEAN, "genmean"},
    {EGDI_STEP_AGGREGATE, EGDI_AGG_MEDIAN, "median"},
    {EGDI_STEP_AGGREGATE, EGDI_AGG_COPELAND, "copeland"},
    {EGDI_STEP_AGGREGATE, EGDI_AGG_MPI, "mpi"},
    {EGDI_STEP_AGGREGATE, EGDI_AGG_AMPI, "ampi"},
    {EGDI_STEP_AGGREGATE, EGDI_AGG_BOD, "bod"},
};
/* The names of each step in enumeration order, as error messages list them. */
#define NORM_NAMES "none|zscore|minmax|goalposts|fracmax|rank|prank|borda|dist2max|dist2ref|" \
                   "dist2targ|scaled|boxcox|log"
#define AGG_NAMES "mean|geomean|harmean|genmean|median|copeland|mpi|ampi|bod"
#define IMPUTE_NAMES "none|mean|median|groupmean|groupmedian"
#define N_DOCUMENTED (sizeof documented / sizeof *documented)

/* Position of a method in the enumeration (fails the test if absent). */
static size_t find(egdi_step step, const char *name)
{
    for (size_t i = 0; i < egdi_method_count(); i++) {
        egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
        OK(egdi_method_get_info(i, &m));
        if (m.step == step && strcmp(m.name, name) == 0)
            return i;
    }
    ck_abort_msg("no %s method %s", egdi_step_name(step), name);
    return 0;
}

static egdi_param_info param(egdi_step step, const char *method, size_t k)
{
    egdi_param_info p = {.version = EGDI_PARAM_INFO_VERSION};
    OK(egdi_method_get_param(find(step, method), k, &p));
    return p;
}

START_TEST(enumeration)
{
    /* the count is the sum over the steps, each step's ids being 0..n-1 */
    size_t per_step[3] = {0, 0, 0};
    for (int s = 0; s < 3; s++)
        while (egdi_method_name((egdi_step)s, (int)per_step[s]))
            per_step[s]++;
    ck_assert_uint_eq(per_step[EGDI_STEP_IMPUTE], 5);    /* EGDI_IMPUTE_NONE..GROUP_MEDIAN */
    ck_assert_uint_eq(per_step[EGDI_STEP_NORMALISE], 14); /* EGDI_NORM_NONE..LOG */
    ck_assert_uint_eq(per_step[EGDI_STEP_AGGREGATE], 9);  /* EGDI_AGG_MEAN..BOD */
    ck_assert_uint_eq(egdi_method_count(), per_step[0] + per_step[1] + per_step[2]);
    ck_assert_uint_eq(egdi_method_count(), N_DOCUMENTED);

    int last_step = -1;
    for (size_t i = 0; i < egdi_method_count(); i++) {
        egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
        OK(egdi_method_get_info(i, &m));
        ck_assert_uint_eq(m.version, EGDI_METHOD_INFO_VERSION);
        ck_assert_int_ge((int)m.step, last_step); /* grouped by step, in step order */
        last_step = (int)m.step;
        ck_assert_ptr_nonnull(m.summary);
        ck_assert_int_gt((int)strlen(m.summary), 0);
        ck_assert_uint_le(m.n_required, m.n_params);
        /* the name round-trips */
        int id = -1;
        OK(egdi_method_from_name(m.step, m.name, &id));
        ck_assert_int_eq(id, m.id);
        ck_assert_str_eq(egdi_method_name(m.step, m.id), m.name);
        /* and every parameter can be read */
        for (size_t k = 0; k < m.n_params; k++) {
            egdi_param_info p = {.version = EGDI_PARAM_INFO_VERSION};
            OK(egdi_method_get_param(i, k, &p));
            ck_assert_ptr_nonnull(p.name);
            ck_assert_int_eq(isnan(p.default_value) != 0, k < m.n_required);
        }
        egdi_param_info p = {.version = EGDI_PARAM_INFO_VERSION};
        FAILS(egdi_method_get_param(i, m.n_params, &p), EGDI_ERR_RANGE, m.name);
    }
    /* ids are the public enum values */
    for (size_t d = 0; d < N_DOCUMENTED; d++) {
        int id = -1;
        OK(egdi_method_from_name(documented[d].step, documented[d].name, &id));
        ck_assert_int_eq(id, documented[d].id);
        ck_assert_str_eq(egdi_method_name(documented[d].step, documented[d].id),
                         documented[d].name);
    }
    ck_assert_ptr_null(egdi_method_name(EGDI_STEP_NORMALISE, -1));
    ck_assert_ptr_null(egdi_method_name(EGDI_STEP_NORMALISE, EGDI_NORM_LOG + 1));
    ck_assert_ptr_null(egdi_method_name(EGDI_STEP_AGGREGATE, EGDI_AGG_BOD + 1));
    ck_assert_ptr_null(egdi_method_name(EGDI_STEP_IMPUTE, EGDI_IMPUTE_GROUP_MEDIAN + 1));
    ck_assert_ptr_null(egdi_method_name((egdi_step)3, 0));
    ck_assert_str_eq(egdi_step_name(EGDI_STEP_IMPUTE), "impute");
    ck_assert_str_eq(egdi_step_name(EGDI_STEP_NORMALISE), "normalise");
    ck_assert_str_eq(egdi_step_name(EGDI_STEP_AGGREGATE), "aggregate");
    ck_assert_ptr_null(egdi_step_name((egdi_step)7));
    egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
    FAILS(egdi_method_get_info(egdi_method_count(), &m), EGDI_ERR_RANGE, "out of range");
}
END_TEST

START_TEST(flags)
{
    egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
    OK(egdi_method_get_info(find(EGDI_STEP_NORMALISE, "zscore"), &m));
    ck_assert_uint_eq(m.flags, EGDI_METHOD_DATA_DRIVEN);
    OK(egdi_method_get_info(find(EGDI_STEP_NORMALISE, "goalposts"), &m));
    ck_assert_uint_eq(m.flags, 0); /* fixed goalposts: not fitted */
    ck_assert_uint_eq(m.n_params, 4); /* lo, hi, scale, trunc */
    ck_assert_uint_eq(m.n_required, 2);
    OK(egdi_method_get_info(find(EGDI_STEP_AGGREGATE, "geomean"), &m));
    ck_assert_uint_eq(m.flags, EGDI_METHOD_NEEDS_POSITIVE);
    OK(egdi_method_get_info(find(EGDI_STEP_IMPUTE, "groupmedian"), &m));
    ck_assert_uint_eq(m.flags, EGDI_METHOD_DATA_DRIVEN | EGDI_METHOD_USES_GROUPS);
    OK(egdi_method_get_info(find(EGDI_STEP_IMPUTE, "mean"), &m));
    ck_assert_uint_eq(m.flags, EGDI_METHOD_DATA_DRIVEN);
}
END_TEST

START_TEST(parameters)
{
    /* minmax: lo = 0, hi = 1, unbounded */
    egdi_param_info p = param(EGDI_STEP_NORMALISE, "minmax", 0);
    ck_assert_str_eq(p.name, "lo");
    ck_assert_double_eq(p.default_value, 0);
    ck_assert(isnan(p.lower) && isnan(p.upper));
    p = param(EGDI_STEP_NORMALISE, "minmax", 1);
    ck_assert_str_eq(p.name, "hi");
    ck_assert_double_eq(p.default_value, 1);
    /* zscore: mean = 0; sd = 1 with lower bound 0, open */
    p = param(EGDI_STEP_NORMALISE, "zscore", 0);
    ck_assert_str_eq(p.name, "mean");
    ck_assert_double_eq(p.default_value, 0);
    p = param(EGDI_STEP_NORMALISE, "zscore", 1);
    ck_assert_str_eq(p.name, "sd");
    ck_assert_double_eq(p.default_value, 1);
    ck_assert_double_eq(p.lower, 0);
    ck_assert_int_eq(p.lower_open, 1);
    ck_assert(isnan(p.upper));
    /* sd_type: a keyword, population (0) by default (the Survey's z-scores) */
    p = param(EGDI_STEP_NORMALISE, "zscore", 2);
    ck_assert_str_eq(p.name, "sd_type");
    ck_assert_double_eq(p.default_value, 0);
    ck_assert_msg(strncmp(p.summary, "population|sample:", 18) == 0, "summary '%s'", p.summary);
    /* goalposts: lo and hi required (default NaN), scale = 1 */
    p = param(EGDI_STEP_NORMALISE, "goalposts", 0);
    ck_assert_str_eq(p.name, "lo");
    ck_assert(isnan(p.default_value));
    p = param(EGDI_STEP_NORMALISE, "goalposts", 1);
    ck_assert_str_eq(p.name, "hi");
    ck_assert(isnan(p.default_value));
    p = param(EGDI_STEP_NORMALISE, "goalposts", 2);
    ck_assert_str_eq(p.name, "scale");
    ck_assert_double_eq(p.default_value, 1);
    /* trunc: a 0|1 switch, clamping by default (COINr's trunc2posts) */
    p = param(EGDI_STEP_NORMALISE, "goalposts", 3);
    ck_assert_str_eq(p.name, "trunc");
    ck_assert_double_eq(p.default_value, 1);
    ck_assert_double_eq(p.lower, 0);
    ck_assert_double_eq(p.upper, 1);
}
END_TEST

START_TEST(unknown_names_and_versions)
{
    int id = 42;
    FAILS(egdi_method_from_name(EGDI_STEP_NORMALISE, "minimax", &id), EGDI_ERR_NOT_FOUND,
          "(" NORM_NAMES ")");
    ck_assert_int_eq(id, 42);
    FAILS(egdi_method_from_name(EGDI_STEP_AGGREGATE, "medain", &id), EGDI_ERR_NOT_FOUND,
          "(" AGG_NAMES ")");
    FAILS(egdi_method_from_name(EGDI_STEP_IMPUTE, "knn", &id), EGDI_ERR_NOT_FOUND,
          "(" IMPUTE_NAMES ")");
    ck_assert_int_eq(id, 42);
    /* median is a name of two steps, with the id of each */
    OK(egdi_method_from_name(EGDI_STEP_AGGREGATE, "median", &id));
    ck_assert_int_eq(id, EGDI_AGG_MEDIAN);
    OK(egdi_method_from_name(EGDI_STEP_IMPUTE, "median", &id));
    ck_assert_int_eq(id, EGDI_IMPUTE_MEDIAN);
    FAILS(egdi_method_from_name((egdi_step)9, "mean", &id), EGDI_ERR_INVALID_ARG, "step");
    /* names are exact: no case folding */
    FAILS(egdi_method_from_name(EGDI_STEP_NORMALISE, "MinMax", &id), EGDI_ERR_NOT_FOUND,
          "MinMax");

    /* a struct of an unknown layout version is refused and left untouched */
    static const char sentinel[] = "untouched";
    unsigned bad[2] = {0, 99};
    for (int b = 0; b < 2; b++) {
        egdi_method_info m = {.version = bad[b], .name = sentinel};
        FAILS(egdi_method_get_info(0, &m), EGDI_ERR_INVALID_ARG, "version");
        ck_assert_ptr_eq(m.name, sentinel);
        egdi_param_info p = {.version = bad[b], .name = sentinel};
        FAILS(egdi_method_get_param(find(EGDI_STEP_NORMALISE, "minmax"), 0, &p),
              EGDI_ERR_INVALID_ARG, "version");
        ck_assert_ptr_eq(p.name, sentinel);
    }
}
END_TEST

/* One indicator "i" (and its parent "agg") to set methods on. */
static egdi_index *one_indicator(void)
{
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "agg", NULL, 1));
    OK(egdi_index_add_indicator(idx, "i", "agg", 1));
    return idx;
}

static void params_of(const egdi_index *idx, const char *code, egdi_step step, double *p,
                      size_t n)
{
    size_t k;
    OK(egdi_index_find_node(idx, code, &k));
    OK(egdi_index_node_params(idx, k, step, p, n));
}

START_TEST(set_method_text_params)
{
    egdi_index *idx = one_indicator();
    const egdi_step N = EGDI_STEP_NORMALISE;
    double p[4];
    const char *same[] = {"lo=0 hi=100", "0 100", "  hi=100 ", "hi=100\tlo=0"};
    for (size_t t = 0; t < 4; t++) {
        OK(egdi_index_set_normalization(idx, "i", EGDI_NORM_NONE, NULL, 0));
        OK(egdi_index_set_method(idx, "i", N, "minmax", same[t]));
        params_of(idx, "i", N, p, 2);
        ck_assert_msg(p[0] == 0 && p[1] == 100, "'%s' gave %g %g", same[t], p[0], p[1]);
    }
    size_t k;
    OK(egdi_index_find_node(idx, "i", &k));
    ck_assert_int_eq(egdi_index_node_method(idx, k, N), EGDI_NORM_MINMAX);
    /* NULL and "" give the defaults: minmax {0, 1} */
    OK(egdi_index_set_method(idx, "i", N, "minmax", NULL));
    params_of(idx, "i", N, p, 2);
    ck_assert(p[0] == 0 && p[1] == 1);
    OK(egdi_index_set_method(idx, "i", N, "minmax", "lo=-5"));
    params_of(idx, "i", N, p, 2);
    ck_assert(p[0] == -5 && p[1] == 1);

    /* errors leave the node as it was (minmax -5, 1) */
    FAILS(egdi_index_set_method(idx, "i", N, "minmax", "lo=1 lo=2"), EGDI_ERR_INVALID_INDEX,
          "'lo' of minmax is given twice");
    FAILS(egdi_index_set_method(idx, "i", N, "minmax", "lo=0 100"), EGDI_ERR_PARSE,
          "give all by name or all in order");
    FAILS(egdi_index_set_method(idx, "i", N, "minmax", "width=3"), EGDI_ERR_INVALID_INDEX,
          "no parameter 'width' (lo, hi)");
    FAILS(egdi_index_set_method(idx, "i", N, "minmax", "lo=abc"), EGDI_ERR_PARSE,
          "'abc' is not a number");
    FAILS(egdi_index_set_method(idx, "i", N, "minmax", "lo=5 hi=1"), EGDI_ERR_INVALID_INDEX,
          "lo (5) must be below hi (1)");
    FAILS(egdi_index_set_method(idx, "i", N, "minmax", "0 1 2"), EGDI_ERR_INVALID_INDEX,
          "minmax takes 0 to 2 parameters, not 3");
    FAILS(egdi_index_set_method(idx, "i", N, "minmax", "lo="), EGDI_ERR_PARSE,
          "is not a number");
    FAILS(egdi_index_set_method(idx, "i", N, "zscore", "sd=0"), EGDI_ERR_INVALID_INDEX,
          "sd = 0 is outside (0");
    FAILS(egdi_index_set_method(idx, "i", N, "goalposts", "hi=5"), EGDI_ERR_INVALID_INDEX,
          "needs the parameter 'lo'");
    FAILS(egdi_index_set_method(idx, "i", N, "fracmax", "x=1"), EGDI_ERR_INVALID_INDEX,
          "it takes none");
    FAILS(egdi_index_set_method(idx, "i", N, "minimax", ""), EGDI_ERR_INVALID_INDEX,
          "(" NORM_NAMES ")");
    FAILS(egdi_index_set_method(idx, "i", N, "zscore", "sd_type=sampel"), EGDI_ERR_PARSE,
          "'sampel' is not one of population|sample");
    FAILS(egdi_index_set_method(idx, "i", N, "zscore", "sd_type=2"), EGDI_ERR_INVALID_INDEX,
          "give one of population|sample");
    FAILS(egdi_index_set_method(idx, "i", N, "goalposts", "lo=0 hi=5 trunc=2"),
          EGDI_ERR_INVALID_INDEX, "trunc = 2 is outside [0, 1]");
    ck_assert_int_eq(egdi_index_node_method(idx, k, N), EGDI_NORM_MINMAX);
    params_of(idx, "i", N, p, 2);
    ck_assert(p[0] == -5 && p[1] == 1);

    /* defaults filled in: goalposts scale = 1, trunc = 1 */
    OK(egdi_index_set_method(idx, "i", N, "goalposts", "lo=0 hi=5"));
    params_of(idx, "i", N, p, 4);
    ck_assert(p[0] == 0 && p[1] == 5 && p[2] == 1 && p[3] == 1);
    OK(egdi_index_set_method(idx, "i", N, "goalposts", "0 5 100 0"));
    params_of(idx, "i", N, p, 4);
    ck_assert(p[0] == 0 && p[1] == 5 && p[2] == 100 && p[3] == 0);
    OK(egdi_index_set_method(idx, "i", N, "zscore", "sd=2"));
    params_of(idx, "i", N, p, 3);
    ck_assert(p[0] == 0 && p[1] == 2 && p[2] == 0); /* sd_type population */
    /* a keyword by its word or its position */
    OK(egdi_index_set_method(idx, "i", N, "zscore", "sd_type=sample"));
    params_of(idx, "i", N, p, 3);
    ck_assert(p[0] == 0 && p[1] == 1 && p[2] == 1);
    OK(egdi_index_set_method(idx, "i", N, "zscore", "0 1 1"));
    params_of(idx, "i", N, p, 3);
    ck_assert(p[2] == 1);
    /* the buffer must match the method's parameter count */
    FAILS(egdi_index_node_params(idx, k, N, p, 2), EGDI_ERR_INVALID_ARG, "zscore has 3");
    /* steps that do not apply to the node */
    FAILS(egdi_index_node_params(idx, k, EGDI_STEP_AGGREGATE, p, 0), EGDI_ERR_RANGE,
          "no aggregate method");
    ck_assert_int_eq(egdi_index_node_method(idx, k, EGDI_STEP_AGGREGATE), -1);
    FAILS(egdi_index_set_method(idx, "i", EGDI_STEP_AGGREGATE, "mean", NULL),
          EGDI_ERR_INVALID_INDEX, "only aggregates aggregate");
    FAILS(egdi_index_set_method(idx, "agg", EGDI_STEP_IMPUTE, "mean", NULL),
          EGDI_ERR_INVALID_INDEX, "only indicators are imputed");
    FAILS(egdi_index_set_method(idx, "i", EGDI_STEP_IMPUTE, "groupmean", NULL),
          EGDI_ERR_INVALID_INDEX, "needs a group column");
    FAILS(egdi_index_set_method(idx, "nope", N, "minmax", NULL), EGDI_ERR_NOT_FOUND, "nope");
    FAILS(egdi_index_set_method(idx, "i", (egdi_step)5, "minmax", NULL), EGDI_ERR_INVALID_ARG,
          "unknown step");
    /* aggregation and imputation by name */
    OK(egdi_index_set_method(idx, "agg", EGDI_STEP_AGGREGATE, "geomean", ""));
    OK(egdi_index_find_node(idx, "agg", &k));
    ck_assert_int_eq(egdi_index_node_method(idx, k, EGDI_STEP_AGGREGATE), EGDI_AGG_GEOMEAN);
    OK(egdi_index_set_method(idx, "i", EGDI_STEP_IMPUTE, "median", NULL));
    OK(egdi_index_find_node(idx, "i", &k));
    ck_assert_int_eq(egdi_index_node_method(idx, k, EGDI_STEP_IMPUTE), EGDI_IMPUTE_MEDIAN);
    ck_assert_ptr_null(egdi_index_node_impute_group(idx, k));
    egdi_index_free(idx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("methods_registry");
    TCase *tc = tcase_create("registry");
    tcase_add_test(tc, enumeration);
    tcase_add_test(tc, flags);
    tcase_add_test(tc, parameters);
    tcase_add_test(tc, unknown_names_and_versions);
    tcase_add_test(tc, set_method_text_params);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
