/* Build a small custom index through the C API: two indicators, z-scored,
 * averaged with weights 2:1 and rescaled to [0, 1]; then rank the units. */
#include <stdio.h>

#include <egdi/egdi.h>

#define CHECK(call)                                                   \
    do {                                                              \
        if ((call) != EGDI_OK) {                                      \
            fprintf(stderr, "%s: %s\n", #call, egdi_last_error());    \
            return 1;                                                 \
        }                                                             \
    } while (0)

int main(void)
{
    const char *codes[4] = {"AAA", "BBB", "CCC", "DDD"};
    const double broadband[4] = {12.0, 35.5, 28.1, 40.2};  /* per 100 people */
    const double cost[4] = {9.5, 3.1, 4.4, 2.0};           /* lower is better */

    egdi_dataset *data;
    egdi_index *idx;
    egdi_result *res;
    CHECK(egdi_dataset_new(&data));
    for (int i = 0; i < 4; i++)
        CHECK(egdi_dataset_add_unit(data, codes[i], NULL, NULL));
    CHECK(egdi_dataset_add_numeric(data, "broadband", broadband, 4));
    CHECK(egdi_dataset_add_numeric(data, "cost", cost, 4));

    CHECK(egdi_index_new(&idx));
    CHECK(egdi_index_add_aggregate(idx, "digital", NULL, 1.0));
    CHECK(egdi_index_set_normalization(idx, "digital", EGDI_NORM_MINMAX, NULL, 0));
    CHECK(egdi_index_add_indicator(idx, "broadband", "digital", 2.0));
    CHECK(egdi_index_add_indicator(idx, "cost", "digital", 1.0));
    CHECK(egdi_index_set_direction(idx, "cost", -1));
    CHECK(egdi_index_set_normalization(idx, "broadband", EGDI_NORM_ZSCORE, NULL, 0));
    CHECK(egdi_index_set_normalization(idx, "cost", EGDI_NORM_ZSCORE, NULL, 0));

    CHECK(egdi_compute(idx, data, &res));
    double score[4];
    int rank[4];
    CHECK(egdi_result_get_scores(res, "digital", score, 4));
    CHECK(egdi_rank(score, 4, -1, EGDI_TIES_MIN, rank));
    for (int i = 0; i < 4; i++)
        printf("%s  %.4f  rank %d\n", codes[i], score[i], rank[i]);

    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(data);
    return 0;
}
