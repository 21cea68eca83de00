/* Stable merge sort of (key, position) pairs, highest key first, with a
 * caller's workspace: O(m log m), no allocation, no recursion. Short runs
 * are sorted by insertion first; two runs already in order are copied, not
 * merged, so nearly sorted input costs little more than a pass. */
#include <string.h>

#include "stats/stats.h"

#define RUN 16

static void insertion(egdi__kv *a, size_t m)
{
    for (size_t i = 1; i < m; i++) {
        egdi__kv v = a[i];
        size_t k = i;
        while (k > 0 && a[k - 1].key < v.key) { /* strict: equal keys keep their order */
            a[k] = a[k - 1];
            k--;
        }
        a[k] = v;
    }
}

/* Merge a[lo..mid) and a[mid..hi) into out[lo..hi). */
static void merge(const egdi__kv *a, size_t lo, size_t mid, size_t hi, egdi__kv *out)
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        out[k++] = a[j].key > a[i].key ? a[j++] : a[i++]; /* ties take the left one */
    while (i < mid)
        out[k++] = a[i++];
    while (j < hi)
        out[k++] = a[j++];
}

void egdi__sort_kv_desc(egdi__kv *a, size_t m, egdi__kv *tmp)
{
    for (size_t lo = 0; lo < m; lo += RUN)
        insertion(a + lo, m - lo < RUN ? m - lo : RUN);
    egdi__kv *src = a, *dst = tmp;
    for (size_t width = RUN; width < m; width *= 2) {
        for (size_t lo = 0; lo < m; lo += 2 * width) {
            size_t mid = lo + width < m ? lo + width : m;
            size_t hi = lo + 2 * width < m ? lo + 2 * width : m;
            if (mid < hi && !(src[mid].key > src[mid - 1].key)) /* already in order */
                memcpy(dst + lo, src + lo, (hi - lo) * sizeof *dst);
            else
                merge(src, lo, mid, hi, dst);
        }
        egdi__kv *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, m * sizeof *a);
}
