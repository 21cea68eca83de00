/* A string -> size_t map with open addressing and linear probing (the shape
 * of libgit2's hashmap_str). Keys are borrowed: the caller keeps them alive.
 * Lookup, insertion and growth are amortised O(1); there is no deletion (the
 * users rebuild a map when entries go away, which is rare). */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

/* FNV-1a, 32 bits: short keys (codes, names), good spread with the mask. */
static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 16777619u;
    }
    return h;
}

void egdi__strmap_free(egdi__strmap *m)
{
    free(m->keys);
    free(m->values);
    free(m->hashes);
    memset(m, 0, sizeof *m);
}

void egdi__strmap_clear(egdi__strmap *m)
{
    if (m->cap)
        memset(m->keys, 0, m->cap * sizeof *m->keys);
    m->n = 0;
}

static size_t slot_of(const egdi__strmap *m, const char *key, uint32_t h, int *found)
{
    size_t mask = m->cap - 1, i = h & mask;
    for (;;) {
        if (!m->keys[i]) {
            *found = 0;
            return i;
        }
        if (m->hashes[i] == h && strcmp(m->keys[i], key) == 0) {
            *found = 1;
            return i;
        }
        i = (i + 1) & mask;
    }
}

static int grow(egdi__strmap *m, size_t want_cap)
{
    const char **keys = calloc(want_cap, sizeof *keys);
    size_t *values = malloc(want_cap * sizeof *values);
    uint32_t *hashes = malloc(want_cap * sizeof *hashes);
    if (!keys || !values || !hashes) {
        free(keys), free(values), free(hashes);
        return 0;
    }
    egdi__strmap old = *m;
    m->keys = keys, m->values = values, m->hashes = hashes, m->cap = want_cap;
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i]) {
            int found;
            size_t s = slot_of(m, old.keys[i], old.hashes[i], &found);
            m->keys[s] = old.keys[i];
            m->values[s] = old.values[i];
            m->hashes[s] = old.hashes[i];
        }
    free(old.keys), free(old.values), free(old.hashes);
    return 1;
}

int egdi__strmap_reserve(egdi__strmap *m, size_t n)
{
    /* keep the load factor at or below 1/2 */
    if (n <= SIZE_MAX / 4 && 2 * n <= m->cap)
        return 1;
    size_t cap = m->cap ? m->cap : 16;
    while (cap < 2 * n) {
        if (cap > SIZE_MAX / 4)
            return 0;
        cap *= 2;
    }
    return cap == m->cap ? 1 : grow(m, cap);
}

int egdi__strmap_get(const egdi__strmap *m, const char *key, size_t *value)
{
    if (m->n == 0)
        return 0;
    int found;
    size_t s = slot_of(m, key, hash_str(key), &found);
    if (found && value)
        *value = m->values[s];
    return found;
}

int egdi__strmap_put(egdi__strmap *m, const char *key, size_t value, size_t *existing)
{
    if (!egdi__strmap_reserve(m, m->n + 1))
        return -1;
    uint32_t h = hash_str(key);
    int found;
    size_t s = slot_of(m, key, h, &found);
    if (found) {
        if (existing)
            *existing = m->values[s];
        return 0;
    }
    m->keys[s] = key;
    m->values[s] = value;
    m->hashes[s] = h;
    m->n++;
    return 1;
}
