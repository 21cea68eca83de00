/* The iMeta reader and writer with the 1.1 columns (AggParams, MinShare, Imputation,
 * ImputeGroup, key=value NormParams) and the 1.4 ones (Denominator, Treatment,
 * TreatParams; the 1.4 methods and their parameters): round trips, errors naming line and
 * column, and a 20,000-node file read in linear time with the 1.0 storage order. */
#include <time.h>

#include "test_util.h"

#define HEADER                                                                                 \
    "iCode,iName,Level,Parent,Direction,Weight,Type,Source,Normalisation,NormParams,CapLower," \
    "CapUpper,Aggregation,AggParams,MinShare,Imputation,ImputeGroup\n"

/* Every new column in use; rows in no particular order (children before parents). */
static const char full[] =
    HEADER
    "a,Indicator A,1,p1,1,1,Indicator,col_a,goalposts,lo=0 hi=50,,40,,,,groupmedian,region\n"
    "b,\"B, minus\",1,p1,-1,0.5,Indicator,,minmax,hi=100,0,,,,,mean,\n"
    "p1,Pillar 1,2,idx,1,2,Aggregate,,,,,,mean,,1,,\n"
    "c,C,1,p2,1,1,Indicator,,,,,,,,,groupmean,income\n"
    "d,D,1,p2,1,1,Indicator,,fracmax,,,,,,,median,\n"
    "p2,Pillar 2,2,idx,1,1,Aggregate,,zscore,mean=10 sd=2,,,,,,,\n"
    "idx,Index,3,,1,1,Aggregate,,minmax,0 100,,,geomean,,0.5,,\n"
    "region,Region,,,,,Group,,,,,,,,,,\n";

static egdi_index *read_text(const char *text)
{
    egdi_index *idx = NULL;
    OK(egdi_index_read_csv_buffer(text, strlen(text), &idx));
    return idx;
}

static size_t node(const egdi_index *idx, const char *code)
{
    size_t k;
    OK(egdi_index_find_node(idx, code, &k));
    return k;
}

/* Number of parameters of method `id` of `step`, from the registry. */
static size_t n_params(egdi_step step, int id)
{
    for (size_t i = 0; i < egdi_method_count(); i++) {
        egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
        OK(egdi_method_get_info(i, &m));
        if (m.step == step && m.id == id)
            return m.n_params;
    }
    ck_abort_msg("no method %d of step %d", id, (int)step);
    return 0;
}

/* want: every parameter of the method (n_params of it). */
static void check_params(const egdi_index *idx, const char *code, egdi_step step, int id,
                         const double *want)
{
    size_t k = node(idx, code), n = n_params(step, id);
    double p[4];
    ck_assert_uint_le(n, 4);
    ck_assert_int_eq(egdi_index_node_method(idx, k, step), id);
    OK(egdi_index_node_params(idx, k, step, p, n));
    for (size_t j = 0; j < n; j++)
        ck_assert_msg(p[j] == want[j], "%s parameter %zu = %g, expected %g", code, j, p[j],
                      want[j]);
}

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Node-by-node equality of two definitions, in storage order. */
static void same_definition(const egdi_index *x, const egdi_index *y)
{
    ck_assert_uint_eq(egdi_index_n_nodes(x), egdi_index_n_nodes(y));
    for (size_t k = 0; k < egdi_index_n_nodes(x); k++) {
        const char *code = egdi_index_node_code(x, k);
        ck_assert_str_eq(code, egdi_index_node_code(y, k));
        ck_assert(same_str(egdi_index_node_name(x, k), egdi_index_node_name(y, k)));
        ck_assert(same_str(egdi_index_node_parent(x, k), egdi_index_node_parent(y, k)));
        ck_assert(same_str(egdi_index_node_source(x, k), egdi_index_node_source(y, k)));
        ck_assert(same_str(egdi_index_node_impute_group(x, k),
                           egdi_index_node_impute_group(y, k)));
        ck_assert_int_eq(egdi_index_node_is_indicator(x, k), egdi_index_node_is_indicator(y, k));
        ck_assert_double_eq(egdi_index_node_weight(x, k), egdi_index_node_weight(y, k));
        ck_assert_int_eq(egdi_index_node_direction(x, k), egdi_index_node_direction(y, k));
        ck_assert(same_str(egdi_index_node_denominator(x, k),
                           egdi_index_node_denominator(y, k)));
        int t = egdi_index_node_treatment(x, k);
        ck_assert_int_eq(t, egdi_index_node_treatment(y, k));
        if (t >= 0) {
            double tx[4], ty[4];
            size_t n = egdi_treat_n_params(t);
            ck_assert_uint_le(n, 4);
            OK(egdi_index_node_treatment_params(x, k, tx, n));
            OK(egdi_index_node_treatment_params(y, k, ty, n));
            ck_assert_msg(n == 0 || memcmp(tx, ty, n * sizeof *tx) == 0, "%s treatment", code);
        }
        double sx = egdi_index_node_min_share(x, k), sy = egdi_index_node_min_share(y, k);
        ck_assert(sx == sy || (isnan(sx) && isnan(sy)));
        for (int s = 0; s < 3; s++) {
            int id = egdi_index_node_method(x, k, (egdi_step)s);
            ck_assert_int_eq(id, egdi_index_node_method(y, k, (egdi_step)s));
            if (id < 0)
                continue;
            double px[4], py[4];
            size_t n = n_params((egdi_step)s, id);
            OK(egdi_index_node_params(x, k, (egdi_step)s, px, n));
            OK(egdi_index_node_params(y, k, (egdi_step)s, py, n));
            ck_assert_msg(n == 0 || memcmp(px, py, n * sizeof *px) == 0, "%s step %d", code, s);
        }
    }
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_ptr_nonnull(fp);
    static char buf[2][8192];
    static int which;
    char *b = buf[which++ % 2];
    size_t n = fread(b, 1, sizeof buf[0] - 1, fp);
    b[n] = '\0';
    fclose(fp);
    return b;
}

START_TEST(new_columns_read)
{
    egdi_index *idx = read_text(full);
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 7); /* the Group row is not a node */
    const egdi_step N = EGDI_STEP_NORMALISE, A = EGDI_STEP_AGGREGATE, I = EGDI_STEP_IMPUTE;
    /* scale, trunc default */
    check_params(idx, "a", N, EGDI_NORM_GOALPOSTS, (double[]){0, 50, 1, 1});
    check_params(idx, "b", N, EGDI_NORM_MINMAX, (double[]){0, 100}); /* lo default */
    /* sd_type default: population (0) */
    check_params(idx, "p2", N, EGDI_NORM_ZSCORE, (double[]){10, 2, 0});
    check_params(idx, "idx", N, EGDI_NORM_MINMAX, (double[]){0, 100});  /* in order */
    check_params(idx, "c", N, EGDI_NORM_NONE, NULL);
    check_params(idx, "idx", A, EGDI_AGG_GEOMEAN, NULL);
    check_params(idx, "p2", A, EGDI_AGG_MEAN, NULL); /* no Aggregation: mean */
    check_params(idx, "a", I, EGDI_IMPUTE_GROUP_MEDIAN, NULL);
    check_params(idx, "b", I, EGDI_IMPUTE_MEAN, NULL);
    check_params(idx, "c", I, EGDI_IMPUTE_GROUP_MEAN, NULL);
    check_params(idx, "d", I, EGDI_IMPUTE_MEDIAN, NULL);
    ck_assert_str_eq(egdi_index_node_impute_group(idx, node(idx, "a")), "region");
    ck_assert_str_eq(egdi_index_node_impute_group(idx, node(idx, "c")), "income");
    ck_assert_ptr_null(egdi_index_node_impute_group(idx, node(idx, "b")));
    ck_assert_double_eq(egdi_index_node_min_share(idx, node(idx, "idx")), 0.5);
    ck_assert_double_eq(egdi_index_node_min_share(idx, node(idx, "p1")), 1);
    ck_assert_double_eq(egdi_index_node_min_share(idx, node(idx, "p2")), 0); /* default */
    ck_assert(isnan(egdi_index_node_min_share(idx, node(idx, "a"))));
    ck_assert_int_eq(egdi_index_node_direction(idx, node(idx, "b")), -1);
    ck_assert_str_eq(egdi_index_node_name(idx, node(idx, "b")), "B, minus");
    ck_assert_str_eq(egdi_index_node_source(idx, node(idx, "a")), "col_a");
    ck_assert_str_eq(egdi_index_node_source(idx, node(idx, "b")), "b");
    /* parents before children: idx, p1, p2, then the indicators in file order */
    const char *order[7] = {"idx", "p1", "p2", "a", "b", "c", "d"};
    for (size_t k = 0; k < 7; k++)
        ck_assert_str_eq(egdi_index_node_code(idx, k), order[k]);
    egdi_index_free(idx);
}
END_TEST

START_TEST(write_read_round_trip)
{
    egdi_index *x = read_text(full), *y = NULL, *z = NULL;
    char p1[64], p2[64];
    write_temp(p1, sizeof p1, "");
    write_temp(p2, sizeof p2, "");
    OK(egdi_index_write_csv(x, p1));
    OK(egdi_index_read_csv(p1, &y));
    same_definition(x, y);
    /* and the file written from the re-read definition is the same, caps included */
    OK(egdi_index_write_csv(y, p2));
    ck_assert_str_eq(slurp(p1), slurp(p2));
    /* name=value, defaults written; keywords as their words */
    ck_assert_ptr_nonnull(strstr(slurp(p1), ",goalposts,lo=0 hi=50 scale=1 trunc=1,"));
    ck_assert_ptr_nonnull(strstr(slurp(p1), ",zscore,mean=10 sd=2 sd_type=population,"));
    /* the 1.4 columns: empty for aggregates, "none" for indicators without a treatment */
    ck_assert_ptr_nonnull(strstr(slurp(p1), ",Imputation,ImputeGroup,Denominator,Treatment,"
                                            "TreatParams\n"));
    ck_assert_ptr_nonnull(strstr(slurp(p1), ",groupmedian,region,,none,\n"));
    OK(egdi_index_read_csv(p2, &z));
    same_definition(x, z);
    remove(p1);
    remove(p2);
    egdi_index_free(x);
    egdi_index_free(y);
    egdi_index_free(z);
}
END_TEST

/* Every 1.4 method with parameters other than its defaults (each given in full, in the
 * registry's order: so it is written exactly as given), unit references by code (one that
 * a CSV cell must quote) and by position, denominators and each treatment. */
typedef struct method_row {
    const char *code, *parent, *method, *params;
} method_row;
static const method_row agg_rows[] = {
    {"idx", NULL, "median", ""},
    {"hm", "idx", "harmean", ""},
    {"gm", "idx", "genmean", "p=0.5"},
    {"cp", "idx", "copeland", ""},
    {"mp", "idx", "mpi", "sign=1"},
    {"am", "idx", "ampi", "sign=1 midrange=1"},
    {"bd", "idx", "bod", "wmin=0.05 wmax=0.9 rmin=0.5 rmax=2"},
};
static const method_row norm_rows[] = {
    {"i01", "hm", "rank", ""},
    {"i02", "hm", "prank", ""},
    {"i03", "gm", "borda", ""},
    {"i04", "gm", "dist2max", ""},
    {"i05", "cp", "dist2ref", "ref=KOR cap_max=1"},
    {"i06", "cp", "dist2ref", "ref=3 cap_max=0"},
    {"i07", "mp", "dist2targ", "target=80 cap_max=1"},
    {"i08", "mp", "scaled", "lo=10 hi=90 scale=10"},
    {"i09", "am", "boxcox", "lambda=0.5 makepos=0"},
    {"i10", "am", "log", "type=gii"},
    {"i11", "bd", "zscore", "mean=100 sd=10 sd_type=sample"},
    {"i12", "bd", "goalposts", "lo=0 hi=50 scale=100 trunc=0"},
    {"i13", "hm", "dist2ref", "ref=Bolivia,\"P\" cap_max=0"},
};
#define N_OF(a) (sizeof(a) / sizeof *(a))

START_TEST(round_trip_1_4)
{
    egdi_index *x = NULL, *y = NULL, *z = NULL;
    OK(egdi_index_new(&x));
    for (size_t k = 0; k < N_OF(agg_rows); k++) {
        OK(egdi_index_add_aggregate(x, agg_rows[k].code, agg_rows[k].parent, (double)k + 1));
        OK(egdi_index_set_method(x, agg_rows[k].code, EGDI_STEP_AGGREGATE, agg_rows[k].method,
                                 agg_rows[k].params));
    }
    OK(egdi_index_set_method(x, "idx", EGDI_STEP_NORMALISE, "minmax", "lo=0 hi=100"));
    for (size_t k = 0; k < N_OF(norm_rows); k++) {
        OK(egdi_index_add_indicator(x, norm_rows[k].code, norm_rows[k].parent, 1));
        OK(egdi_index_set_method(x, norm_rows[k].code, EGDI_STEP_NORMALISE, norm_rows[k].method,
                                 norm_rows[k].params));
    }
    OK(egdi_index_set_direction(x, "i07", -1));
    OK(egdi_index_set_denominator(x, "i01", "pop"));
    OK(egdi_index_set_denominator(x, "i04", "area, km2"));
    OK(egdi_index_set_treatment(x, "i01", "winsorise", "winmax=3 skew=1.5 kurt=2.5 force=1"));
    OK(egdi_index_set_treatment(x, "i02", "log", "kurt=2.5"));
    OK(egdi_index_set_treatment(x, "i03", "winsorise", NULL));
    OK(egdi_index_validate(x));

    char p1[64], p2[64];
    write_temp(p1, sizeof p1, "");
    write_temp(p2, sizeof p2, "");
    OK(egdi_index_write_csv(x, p1));
    const char *f1 = slurp(p1);
    char want[160];
    for (size_t k = 0; k < N_OF(agg_rows); k++) {
        snprintf(want, sizeof want, ",%s,%s,", agg_rows[k].method, agg_rows[k].params);
        ck_assert_msg(strstr(f1, want), "'%s' not in\n%s", want, f1);
    }
    for (size_t k = 0; k + 1 < N_OF(norm_rows); k++) {
        snprintf(want, sizeof want, ",%s,%s,", norm_rows[k].method, norm_rows[k].params);
        ck_assert_msg(strstr(f1, want), "'%s' not in\n%s", want, f1);
    }
    static const char *const lines[] = {
        ",Imputation,ImputeGroup,Denominator,Treatment,TreatParams\n",
        /* the unit code with a comma and quotes: the cell is quoted */
        ",dist2ref,\"ref=Bolivia,\"\"P\"\" cap_max=0\",",
        /* the extra columns: denominator, treatment (all its parameters), or none */
        ",pop,winsorise,winmax=3 skew=1.5 kurt=2.5 force=1\n",
        ",,log,skew=2 kurt=2.5\n",
        ",,winsorise,winmax=5 skew=2 kurt=3.5 force=0\n",
        ",\"area, km2\",none,\n",
        ",,none,\n",
        "\nbd,bd,2,idx,1,7,Aggregate,,none,,,,bod,wmin=0.05 wmax=0.9 rmin=0.5 rmax=2,0,,,,,\n"};
    for (size_t k = 0; k < N_OF(lines); k++)
        ck_assert_msg(strstr(f1, lines[k]), "'%s' not in\n%s", lines[k], f1);

    /* read back with denominate (and a default treatment, which replaces no written "none"):
     * the same definition, and the same file again */
    egdi_imeta_options o = EGDI_IMETA_OPTIONS_INIT;
    o.denominate = 1;
    o.treatment = "log";
    OK(egdi_index_read_imeta(p1, &o, &y, NULL));
    same_definition(x, y);
    ck_assert_str_eq(egdi_index_node_denominator(y, node(y, "i04")), "area, km2");
    ck_assert_int_eq(egdi_index_node_treatment(y, node(y, "i05")), EGDI_TREAT_NONE);
    check_params(y, "i12", EGDI_STEP_NORMALISE, EGDI_NORM_GOALPOSTS,
                 (double[]){0, 50, 100, 0});
    check_params(y, "i11", EGDI_STEP_NORMALISE, EGDI_NORM_ZSCORE, (double[]){100, 10, 1});
    check_params(y, "bd", EGDI_STEP_AGGREGATE, EGDI_AGG_BOD, (double[]){0.05, 0.9, 0.5, 2});
    check_params(y, "i06", EGDI_STEP_NORMALISE, EGDI_NORM_DIST2REF, (double[]){3, 0});
    OK(egdi_index_write_csv(y, p2));
    ck_assert_str_eq(slurp(p1), slurp(p2));
    /* without denominate the Denominator column is read but not applied (COINr's rule),
     * everything else the same */
    OK(egdi_index_read_csv(p1, &z));
    ck_assert_ptr_null(egdi_index_node_denominator(z, node(z, "i01")));
    OK(egdi_index_set_denominator(z, "i01", "pop"));
    OK(egdi_index_set_denominator(z, "i04", "area, km2"));
    same_definition(x, z);
    remove(p1);
    remove(p2);
    egdi_index_free(x);
    egdi_index_free(y);
    egdi_index_free(z);
}
END_TEST

/* The iMeta `base` with line `line` (2 = first row) replaced by `row`. */
#define SMALL_HEADER "iCode,Parent,Weight,Type,Aggregation,AggParams,MinShare,Normalisation," \
                     "NormParams,Imputation,ImputeGroup\n"
static const char *small_rows[3] = {"r,,1,Aggregate,mean,,,,,,\n", "a,r,1,Indicator,,,,,,,\n",
                                    "b,r,1,Indicator,,,,,,,\n"};

static egdi_status read_with(int line, const char *row)
{
    char text[1024] = SMALL_HEADER;
    for (int k = 0; k < 3; k++)
        strcat(text, k + 2 == line ? row : small_rows[k]);
    egdi_index *idx = NULL;
    egdi_status st = egdi_index_read_csv_buffer(text, strlen(text), &idx);
    egdi_index_free(idx);
    return st;
}

START_TEST(errors_name_line_and_column)
{
    OK(read_with(0, NULL)); /* the base file is valid */
    FAILS(read_with(3, "a,r,1,Indicator,,,,,,knn,\n"), EGDI_ERR_INVALID_INDEX,
          "line 3: column Imputation: node 'a': unknown Imputation 'knn' "
          "(none|mean|median|groupmean|groupmedian)");
    FAILS(read_with(2, "r,,1,Aggregate,mean,,,,,mean,\n"), EGDI_ERR_INVALID_INDEX,
          "line 2: column Imputation: node 'r': an aggregate is not imputed");
    FAILS(read_with(2, "r,,1,Aggregate,mean,,,,,,region\n"), EGDI_ERR_INVALID_INDEX,
          "line 2: column ImputeGroup");
    FAILS(read_with(3, "a,r,1,Indicator,,,,,,,region\n"), EGDI_ERR_INVALID_INDEX,
          "line 3: column ImputeGroup: node 'a': a group column without an Imputation");
    FAILS(read_with(4, "b,r,1,Indicator,,,,,,groupmean,\n"), EGDI_ERR_INVALID_INDEX,
          "line 4: column Imputation");
    ck_assert_ptr_nonnull(strstr(egdi_last_error(), "needs a group column"));
    FAILS(read_with(4, "b,r,1,Indicator,,,,,,median,region\n"), EGDI_ERR_INVALID_INDEX,
          "line 4: column Imputation");
    ck_assert_ptr_nonnull(strstr(egdi_last_error(), "takes no group column"));
    FAILS(read_with(3, "a,r,1,Indicator,,,0.5,,,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 3: column MinShare: node 'a': an indicator has no MinShare");
    FAILS(read_with(2, "r,,1,Aggregate,mean,,1.5,,,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 2: column MinShare");
    ck_assert_ptr_nonnull(strstr(egdi_last_error(), "1.5 is not in [0, 1]"));
    FAILS(read_with(2, "r,,1,Aggregate,mean,,-0.1,,,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 2: column MinShare");
    FAILS(read_with(2, "r,,1,Aggregate,mean,,half,,,,\n"), EGDI_ERR_PARSE,
          "line 2: column MinShare: 'half' is not a number");
    FAILS(read_with(3, "a,r,1,Indicator,,x=1,,,,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 3: column AggParams: node 'a': an indicator has no AggParams");
    FAILS(read_with(3, "a,r,1,Indicator,mean,,,,,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 3: column Aggregation");
    FAILS(read_with(2, "r,,1,Aggregate,mean,x=1,,,,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 2: column AggParams");
    ck_assert_ptr_nonnull(strstr(egdi_last_error(), "it takes none"));
    FAILS(read_with(4, "b,r,1,Indicator,,,,minmax,width=3,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 4: column NormParams");
    ck_assert_ptr_nonnull(strstr(egdi_last_error(), "no parameter 'width' (lo, hi)"));
    FAILS(read_with(4, "b,r,1,Indicator,,,,minmax,lo=abc,,\n"), EGDI_ERR_PARSE,
          "line 4: column NormParams");
    FAILS(read_with(4, "b,r,1,Indicator,,,,goalposts,hi=3,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 4: column NormParams");
    FAILS(read_with(4, "b,r,1,Indicator,,,,,lo=1,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 4: column NormParams"); /* parameters of the default "none" */
    FAILS(read_with(4, "b,r,1,Indicator,,,,minimax,,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 4: column Normalisation: node 'b': unknown Normalisation 'minimax'");
    FAILS(read_with(2, "r,,1,Aggregate,medain,,,,,,\n"), EGDI_ERR_INVALID_INDEX,
          "line 2: column Aggregation: node 'r': unknown Aggregation 'medain' "
          "(mean|geomean|harmean|genmean|median|copeland|mpi|ampi|bod)");
    OK(read_with(2, "r,,1,Aggregate,median,,,,,,\n")); /* a weighted median since 1.4 */
    FAILS(read_with(4, "b,r,1,Indicator,,,,zscore,sd_type=sampel,,\n"), EGDI_ERR_PARSE,
          "line 4: column NormParams: node 'b': parameter 'sd_type' of zscore: 'sampel' is not "
          "one of population|sample");
}
END_TEST

/* 20,000 nodes: a root, 199 pillars, 19,800 indicators (99 or 100 per pillar), in a
 * shuffled file order. The order the nodes are stored in is the 1.0 one: repeated sweeps
 * over the rows in file order, each adding the rows whose parent is already in. */
#define BIG 20000
#define N_PILLARS 199
START_TEST(big_imeta)
{
    static int parent[BIG], file_order[BIG], added[BIG], expected[BIG];
    /* node 0 = root, 1..199 = pillars, the rest indicators; indicator k under pillar
     * 1 + k % 199 */
    for (int k = 0; k < BIG; k++) {
        parent[k] = k == 0 ? -1 : k <= N_PILLARS ? 0 : 1 + k % N_PILLARS;
        file_order[k] = k;
    }
    unsigned long long s = 88172645463325252ULL; /* xorshift64, deterministic shuffle */
    for (int k = BIG - 1; k > 0; k--) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        int j = (int)(s % (unsigned long long)(k + 1)), t = file_order[k];
        file_order[k] = file_order[j];
        file_order[j] = t;
    }
    size_t cap = (size_t)BIG * 96 + 256, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text, cap, "iCode,Parent,Weight,Type,Level,Normalisation,NormParams,"
                                       "MinShare,Imputation\n");
    for (int r = 0; r < BIG; r++) {
        int k = file_order[r];
        char par[16] = "";
        if (parent[k] >= 0)
            snprintf(par, sizeof par, "n%d", parent[k]);
        if (k > N_PILLARS)
            len += (size_t)snprintf(text + len, cap - len,
                                    "n%d,%s,1,Indicator,1,minmax,lo=0 hi=100,,mean\n", k, par);
        else
            len += (size_t)snprintf(text + len, cap - len, "n%d,%s,1,Aggregate,%d,,,0.5,\n", k,
                                    par, k == 0 ? 3 : 2);
    }
    /* the 1.0 order, simulated */
    int n_added = 0;
    while (n_added < BIG)
        for (int r = 0; r < BIG; r++) {
            int k = file_order[r];
            if (!added[k] && (parent[k] < 0 || added[parent[k]])) {
                added[k] = 1;
                expected[n_added++] = k;
            }
        }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    egdi_index *idx = NULL;
    OK(egdi_index_read_csv_buffer(text, len, &idx));
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("20,000-node iMeta read in %.3f s\n",
           (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec));
    ck_assert_uint_eq(egdi_index_n_nodes(idx), BIG);
    char code[16];
    for (size_t i = 0; i < BIG; i++) {
        snprintf(code, sizeof code, "n%d", expected[i]);
        ck_assert_str_eq(egdi_index_node_code(idx, i), code);
        const char *p = egdi_index_node_parent(idx, i);
        if (p) { /* the parent is stored before the child */
            size_t pi;
            OK(egdi_index_find_node(idx, p, &pi));
            ck_assert_uint_lt(pi, i);
            snprintf(code, sizeof code, "n%d", parent[expected[i]]);
            ck_assert_str_eq(p, code);
        }
    }
    size_t last = node(idx, "n19999");
    ck_assert_int_eq(egdi_index_node_method(idx, last, EGDI_STEP_IMPUTE), EGDI_IMPUTE_MEAN);
    ck_assert_double_eq(egdi_index_node_min_share(idx, node(idx, "n7")), 0.5);
    egdi_index_free(idx);
    free(text);
}
END_TEST

START_TEST(storage_order_of_fixture)
{
    egdi_index *idx = NULL;
    OK(egdi_index_read_csv(EGDI_TEST_FIXTURES "/imeta_ok.csv", &idx));
    const char *order[6] = {"idx", "infra", "human", "net", "mob", "lit"};
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 6);
    for (size_t k = 0; k < 6; k++)
        ck_assert_str_eq(egdi_index_node_code(idx, k), order[k]);
    egdi_index_free(idx);
}
END_TEST

/* A file as COINr exports it (quoted cells, NA for missing, columns of its own, Group and
 * Denominator rows, the root's Parent NA, no Normalisation column): it loads, and the
 * notes say what was ignored, in file order. */
static const char coinr[] =
    "\"Level\",\"iCode\",\"iName\",\"Direction\",\"Weight\",\"Unit\",\"Denominator\","
    "\"Parent\",\"Type\"\n"
    "1,\"a\",\"A\",1,1,\"Score\",NA,\"p\",\"Indicator\"\n"
    "1,\"b\",\"B\",-1,2,\"Percent\",\"Pop\",\"p\",\"Indicator\"\n"
    "2,\"p\",\"Pillar\",1,1,\"Score\",NA,\"idx\",\"Aggregate\"\n"
    "3,\"idx\",\"Index\",1,1,\"Score\",NA,NA,\"Aggregate\"\n"
    "NA,\"region\",\"Region\",NA,NA,NA,NA,NA,\"Group\"\n"
    "NA,\"Pop\",\"Population\",NA,NA,NA,NA,NA,\"Denominator\"\n"
    "NA,\"Area\",\"Area\",NA,NA,NA,NA,NA,\"Denominator\"\n";

START_TEST(coinr_file_with_notes)
{
    egdi_index *idx = NULL;
    egdi_imeta_notes *notes = NULL;
    OK(egdi_index_read_imeta_buffer(coinr, strlen(coinr), "coinr.csv", NULL, &idx, &notes));
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 4);
    ck_assert_ptr_null(egdi_index_node_parent(idx, node(idx, "idx")));
    ck_assert_int_eq(egdi_index_node_direction(idx, node(idx, "b")), -1);
    ck_assert_int_eq(egdi_index_node_method(idx, node(idx, "a"), EGDI_STEP_NORMALISE),
                     EGDI_NORM_NONE);
    static const char *const want[] = {
        "line 1: column Unit ignored: not used by libegdi",
        "1 row of Type Group ignored (region on line 6): group columns of the data, not nodes "
        "(a group imputation names one in ImputeGroup)",
        "2 rows of Type Denominator ignored (Pop on line 7, Area on line 8): denominator "
        "columns of the data, not nodes",
        "line 5: node 'idx': Parent NA read as no parent (a root)",
        "no Normalisation column: the indicators are not normalised (COINr normalises with "
        "minmax lo=0 hi=100 unless told otherwise; give a default normalisation to do the "
        "same)",
        "column Denominator not applied (1 indicator names one: b / Pop); COINr divides only "
        "when asked: read with denominate (egdi index compute --denominate)"};
    ck_assert_uint_eq(egdi_imeta_notes_count(notes), 6);
    for (size_t i = 0; i < 6; i++)
        ck_assert_str_eq(egdi_imeta_note(notes, i), want[i]);
    ck_assert_ptr_null(egdi_imeta_note(notes, 6));
    ck_assert_ptr_null(egdi_index_node_denominator(idx, node(idx, "b")));
    egdi_imeta_notes_free(notes);
    egdi_index_free(idx);
    /* with denominate: b is divided by Pop ("NA" is no denominator); a default treatment
     * goes on the indicators whose Treatment is empty */
    egdi_imeta_options o = EGDI_IMETA_OPTIONS_INIT;
    o.denominate = 1;
    o.treatment = "winsorise winmax=3";
    OK(egdi_index_read_imeta_buffer(coinr, strlen(coinr), "coinr.csv", &o, &idx, &notes));
    ck_assert_str_eq(egdi_index_node_denominator(idx, node(idx, "b")), "Pop");
    ck_assert_ptr_null(egdi_index_node_denominator(idx, node(idx, "a")));
    ck_assert_int_eq(egdi_index_node_treatment(idx, node(idx, "a")), EGDI_TREAT_WINSORISE);
    ck_assert_int_eq(egdi_index_node_treatment(idx, node(idx, "p")), -1);
    double tp[4];
    OK(egdi_index_node_treatment_params(idx, node(idx, "b"), tp, 4));
    ck_assert(tp[0] == 3 && tp[1] == 2 && tp[2] == 3.5 && tp[3] == 0);
    ck_assert_str_eq(egdi_imeta_note(notes, 5), "2 indicators without a Treatment: winsorise "
                     "winmax=3 (the default given)");
    ck_assert_str_eq(egdi_imeta_note(notes, 6), "1 indicator divided by the Denominator "
                     "column: b / Pop");
    egdi_imeta_notes_free(notes);
    egdi_index_free(idx);
    o.treatment = "winsorize";
    FAILS(egdi_index_read_imeta_buffer(coinr, strlen(coinr), "coinr.csv", &o, &idx, NULL),
          EGDI_ERR_INVALID_ARG, "default treatment 'winsorize'");
    o.treatment = "winsorise winmax=2.5";
    FAILS(egdi_index_read_imeta_buffer(coinr, strlen(coinr), "coinr.csv", &o, &idx, NULL),
          EGDI_ERR_INVALID_ARG, "winmax = 2.5 must be a whole number");
    OK(egdi_index_read_imeta_buffer(coinr, strlen(coinr), "coinr.csv", NULL, &idx, &notes));
    egdi_imeta_notes_free(notes);
    egdi_index_free(idx);
    /* the 1.0 reader takes the same file silently */
    idx = read_text(coinr);
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 4);
    egdi_index_free(idx);
    ck_assert_uint_eq(egdi_imeta_notes_count(NULL), 0);
    egdi_imeta_notes_free(NULL);
    /* one unknown column whose name does not fit the note: "..." stands for it
     * (the list was empty, so nothing before it; found by review under ASan) */
    char text[1024];
    memset(text, 0, sizeof text);
    strcpy(text, "iCode,Parent,Weight,Type,");
    memset(text + strlen(text), 'z', 600);
    strcat(text, "\na,top,1,Indicator,\ntop,,1,Aggregate,\n");
    OK(egdi_index_read_imeta_buffer(text, strlen(text), "long.csv", NULL, &idx, &notes));
    ck_assert_str_eq(egdi_imeta_note(notes, 0), "line 1: column ... ignored: not used by libegdi");
    egdi_imeta_notes_free(notes);
    egdi_index_free(idx);
}
END_TEST

/* Default methods fill only the rows that name none; explicit ones stay. */
START_TEST(default_methods)
{
    static const char text[] = "iCode,Parent,Weight,Type,Normalisation,NormParams,Aggregation\n"
                               "a,top,1,Indicator,,,\n"
                               "b,top,1,Indicator,zscore,,\n"
                               "top,,1,Aggregate,,,\n"
                               "top2,,1,Aggregate,,,mean\n"
                               "d,top2,1,Indicator,,,\n";
    egdi_imeta_options o;
    OK(egdi_imeta_options_init_version(&o, 1));
    ck_assert_ptr_null(o.normalisation);
    o.normalisation = "  minmax lo=0 hi=100";
    o.aggregation = "geomean";
    egdi_index *idx = NULL;
    egdi_imeta_notes *notes = NULL;
    OK(egdi_index_read_imeta_buffer(text, strlen(text), NULL, &o, &idx, &notes));
    const double p100[] = {0, 100};
    check_params(idx, "a", EGDI_STEP_NORMALISE, EGDI_NORM_MINMAX, p100);
    check_params(idx, "d", EGDI_STEP_NORMALISE, EGDI_NORM_MINMAX, p100);
    ck_assert_int_eq(egdi_index_node_method(idx, node(idx, "b"), EGDI_STEP_NORMALISE),
                     EGDI_NORM_ZSCORE);
    ck_assert_int_eq(egdi_index_node_method(idx, node(idx, "top"), EGDI_STEP_AGGREGATE),
                     EGDI_AGG_GEOMEAN);
    ck_assert_int_eq(egdi_index_node_method(idx, node(idx, "top2"), EGDI_STEP_AGGREGATE),
                     EGDI_AGG_MEAN);
    ck_assert_int_eq(egdi_index_node_method(idx, node(idx, "top"), EGDI_STEP_NORMALISE),
                     EGDI_NORM_NONE);
    ck_assert_uint_eq(egdi_imeta_notes_count(notes), 2);
    ck_assert_str_eq(egdi_imeta_note(notes, 0), "2 indicators without a Normalisation: minmax "
                                                "lo=0 hi=100 (the default given)");
    ck_assert_str_eq(egdi_imeta_note(notes, 1),
                     "1 aggregate without an Aggregation: geomean (the default given)");
    egdi_imeta_notes_free(notes);
    egdi_index_free(idx);
    idx = NULL;
    o.normalisation = "minmax lo=3 hi=1";
    notes = (egdi_imeta_notes *)1; /* set to NULL on failure */
    FAILS(egdi_index_read_imeta_buffer(text, strlen(text), "m.csv", &o, &idx, &notes),
          EGDI_ERR_INVALID_ARG, "default normalisation 'minmax lo=3 hi=1'");
    ck_assert_ptr_null(notes);
    ck_assert_ptr_null(idx);
    o.normalisation = "nosuch";
    FAILS(egdi_index_read_imeta_buffer(text, strlen(text), "m.csv", &o, &idx, NULL),
          EGDI_ERR_INVALID_ARG, "unknown method 'nosuch' (none|zscore|minmax|goalposts|fracmax|"
          "rank|prank|borda|dist2max|dist2ref|dist2targ|scaled|boxcox|log)");
    o.normalisation = NULL;
    o.version = 7;
    FAILS(egdi_index_read_imeta_buffer(text, strlen(text), "m.csv", &o, &idx, NULL),
          EGDI_ERR_INVALID_ARG, "version 7");
    /* errors still name the file, line and column */
    static const char bad[] = "iCode,Parent,Weight,Type\na,top,x,Indicator\ntop,,1,Aggregate\n";
    FAILS(egdi_index_read_imeta_buffer(bad, strlen(bad), "bad.csv", NULL, &idx, NULL),
          EGDI_ERR_PARSE, "bad.csv: line 2: column Weight: 'x'");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io_imeta");
    TCase *tc = tcase_create("imeta");
    tcase_set_timeout(tc, 60); /* the big file under ASan; the read itself takes well < 1 s */
    tcase_add_test(tc, new_columns_read);
    tcase_add_test(tc, write_read_round_trip);
    tcase_add_test(tc, round_trip_1_4);
    tcase_add_test(tc, errors_name_line_and_column);
    tcase_add_test(tc, big_imeta);
    tcase_add_test(tc, storage_order_of_fixture);
    tcase_add_test(tc, coinr_file_with_notes);
    tcase_add_test(tc, default_methods);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
