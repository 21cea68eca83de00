/* Index definitions: building through the API, iMeta CSV, validation errors. */
#include <unistd.h>

#include "test_util.h"

START_TEST(build_and_query)
{
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_aggregate(idx, "mid", "top", 2));
    OK(egdi_index_add_indicator(idx, "a", "mid", 1));
    OK(egdi_index_add_indicator(idx, "b", "top", 1));
    OK(egdi_index_validate(idx));
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 4);
    ck_assert_int_eq(egdi_index_node_level(idx, 0), 3);
    ck_assert_int_eq(egdi_index_node_level(idx, 1), 2);
    ck_assert_int_eq(egdi_index_node_level(idx, 3), 1);
    ck_assert_str_eq(egdi_index_node_parent(idx, 2), "mid");
    ck_assert_ptr_null(egdi_index_node_parent(idx, 0));
    ck_assert_str_eq(egdi_index_node_source(idx, 2), "a");
    ck_assert_int_eq(egdi_index_node_is_indicator(idx, 1), 0);
    ck_assert_double_eq(egdi_index_node_weight(idx, 1), 2);
    /* API errors */
    FAILS(egdi_index_add_indicator(idx, "c", "nowhere", 1), EGDI_ERR_INVALID_INDEX,
          "unknown parent 'nowhere'");
    FAILS(egdi_index_add_indicator(idx, "c", "a", 1), EGDI_ERR_INVALID_INDEX,
          "parent 'a' is an indicator");
    FAILS(egdi_index_add_indicator(idx, "a", "top", 1), EGDI_ERR_DUPLICATE, "'a'");
    FAILS(egdi_index_add_indicator(idx, "c", "top", -1), EGDI_ERR_INVALID_INDEX, "weight -1");
    FAILS(egdi_index_set_direction(idx, "a", 2), EGDI_ERR_INVALID_INDEX, "direction must be 1 or -1");
    FAILS(egdi_index_set_caps(idx, "a", 5, 1), EGDI_ERR_INVALID_INDEX, "not a range");
    /* caps read back: none until set, then exactly what was set (node a is position 2) */
    double lo = 0, hi = 0;
    OK(egdi_index_node_caps(idx, 2, &lo, &hi));
    ck_assert(isnan(lo) && isnan(hi));
    OK(egdi_index_set_caps(idx, "a", NAN, 120));
    OK(egdi_index_node_caps(idx, 2, &lo, &hi));
    ck_assert(isnan(lo) && hi == 120);
    FAILS(egdi_index_node_caps(idx, 99, &lo, &hi), EGDI_ERR_RANGE, "node 99 out of range");
    FAILS(egdi_index_set_normalization(idx, "a", EGDI_NORM_MINMAX, (double[]){1, 0}, 2),
          EGDI_ERR_INVALID_INDEX, "invalid minmax parameters");
    FAILS(egdi_index_set_normalization(idx, "a", EGDI_NORM_GOALPOSTS, NULL, 0),
          EGDI_ERR_INVALID_INDEX, "goalposts takes 2 to 4 parameters, not 0");
    FAILS(egdi_index_set_aggregation(idx, "a", EGDI_AGG_MEAN), EGDI_ERR_INVALID_INDEX,
          "is an indicator");
    FAILS(egdi_index_set_source(idx, "mid", "col"), EGDI_ERR_INVALID_INDEX, "is an aggregate");
    FAILS(egdi_index_set_weight(idx, "zz", 1), EGDI_ERR_NOT_FOUND, "'zz'");
    /* all-zero sibling weights and childless aggregates are caught by validate */
    OK(egdi_index_set_weight(idx, "a", 0));
    FAILS(egdi_index_validate(idx), EGDI_ERR_INVALID_INDEX, "'mid': the weights of its children are all zero");
    OK(egdi_index_set_weight(idx, "a", 1));
    OK(egdi_index_add_aggregate(idx, "empty", "top", 1));
    FAILS(egdi_index_validate(idx), EGDI_ERR_INVALID_INDEX, "aggregate 'empty' has no children");
    egdi_index_free(idx);
}
END_TEST

START_TEST(imeta_read_and_write)
{
    egdi_index *idx, *back;
    OK(egdi_index_read_csv(EGDI_TEST_FIXTURES "/imeta_ok.csv", &idx));
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 6); /* the Group row is skipped */
    /* parents are stored before children whatever the file order */
    ck_assert_str_eq(egdi_index_node_code(idx, 0), "idx");
    size_t k;
    OK(egdi_index_find_node(idx, "net", &k));
    ck_assert_str_eq(egdi_index_node_source(idx, k), "internet_users");
    ck_assert_str_eq(egdi_index_node_name(idx, k), "Internet users");
    OK(egdi_index_find_node(idx, "lit", &k));
    ck_assert_double_eq(egdi_index_node_weight(idx, k), 2);
    char path[] = "/tmp/egdi_imeta_XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    OK(egdi_index_write_csv(idx, path));
    OK(egdi_index_read_csv(path, &back));
    ck_assert_uint_eq(egdi_index_n_nodes(back), 6);
    for (size_t i = 0; i < 6; i++) {
        ck_assert_str_eq(egdi_index_node_code(back, i), egdi_index_node_code(idx, i));
        ck_assert_int_eq(egdi_index_node_level(back, i), egdi_index_node_level(idx, i));
    }
    unlink(path);
    egdi_index_free(back);
    egdi_index_free(idx);
}
END_TEST

#define HEAD "iCode,iName,Level,Parent,Direction,Weight,Type\n"

static void bad(const char *text, egdi_status code, const char *needle)
{
    egdi_index *idx = NULL;
    FAILS(egdi_index_read_csv_buffer(text, strlen(text), &idx), code, needle);
    ck_assert_ptr_null(idx);
}

START_TEST(imeta_errors_name_the_row)
{
    bad(HEAD "a,A,1,top,1,1,Indicator\ntop,T,2,ghost,1,1,Aggregate\n", EGDI_ERR_INVALID_INDEX,
        "line 3: column Parent: node 'top': unknown parent 'ghost'");
    bad(HEAD "x,X,1,p,1,1,Indicator\np,P,2,q,1,1,Aggregate\nq,Q,3,p,1,1,Aggregate\n",
        EGDI_ERR_INVALID_INDEX, "line 3: column Parent: node 'p' is its own ancestor");
    bad(HEAD "a,A,1,top,1,1,Indicator\ntop,T,3,,1,1,Aggregate\nlonely,L,2,top,1,1,Aggregate\n",
        EGDI_ERR_INVALID_INDEX, "line 4: aggregate 'lonely' has no children");
    bad(HEAD "a,A,1,top,1,-0.5,Indicator\ntop,T,2,,1,1,Aggregate\n", EGDI_ERR_INVALID_INDEX,
        "line 2: column Weight: node 'a': negative weight -0.5");
    bad(HEAD "a,A,1,top,1,0,Indicator\nb,B,1,top,1,0,Indicator\ntop,T,2,,1,1,Aggregate\n",
        EGDI_ERR_INVALID_INDEX, "line 4: aggregate 'top': the weights of its children are all zero");
    bad(HEAD "a,A,1,top,2,1,Indicator\ntop,T,2,,1,1,Aggregate\n", EGDI_ERR_INVALID_INDEX,
        "line 2: column Direction: node 'a': must be 1 or -1, not 2");
    bad(HEAD "a,A,1,top,1,1,Indicator\na,A2,1,top,1,1,Indicator\ntop,T,2,,1,1,Aggregate\n",
        EGDI_ERR_DUPLICATE, "line 3: column iCode: duplicate 'a' (first on line 2)");
    bad(HEAD "a,A,2,top,1,1,Indicator\ntop,T,3,,1,1,Aggregate\n", EGDI_ERR_INVALID_INDEX,
        "line 2: column Level: indicator 'a' has Level 2");
    bad(HEAD "a,A,1,mid,1,1,Indicator\nmid,M,3,top,1,1,Aggregate\ntop,T,2,,1,1,Aggregate\n",
        EGDI_ERR_INVALID_INDEX, "line 3: column Level: node 'mid' has Level 3");
    bad(HEAD "a,A,1,top,1,x,Indicator\ntop,T,2,,1,1,Aggregate\n", EGDI_ERR_PARSE,
        "line 2: column Weight: 'x' is not a number");
    bad(HEAD "a,A,1,top,1,1,Leaf\n", EGDI_ERR_INVALID_INDEX, "line 2: column Type: 'Leaf'");
    bad(HEAD "a,A,1,top,1,1,Indicator\ntop,T,2,a,1,1,Aggregate\n", EGDI_ERR_INVALID_INDEX,
        "column Parent: node 'top': parent 'a' is an Indicator");
    bad("iCode,Parent,Type\na,,Indicator\n", EGDI_ERR_PARSE, "line 1: the header has no column 'Weight'");
    /* "rank" is a normalisation since 1.4; a misspelt one lists the valid names */
    bad("iCode,Parent,Weight,Type,Normalisation\na,,1,Indicator,rnak\n", EGDI_ERR_INVALID_INDEX,
        "line 2: column Normalisation: node 'a': unknown Normalisation 'rnak' (none|zscore|");
    bad(HEAD "a,A,1,,1,1,Indicator\n\"b,B,1,,1,1,Indicator\n", EGDI_ERR_PARSE,
        "<buffer>:3: column 1: quoted field is not closed");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("index");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, build_and_query);
    tcase_add_test(tc, imeta_read_and_write);
    tcase_add_test(tc, imeta_errors_name_the_row);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
