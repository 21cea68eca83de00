/* A string -> size_t map with open addressing and linear probing (the shape
 * of libgit2's hashmap_str). Keys are borrowed: the caller keeps them alive.
 * Lookup, insertion and growth are amortised O(1); there is no deletion (the
 * users rebuild a map when entries go away, which is rare). */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

/* FNV-1a, 64 bits: short keys (codes, names), good spread with the mask; a
 * full 64-bit hash makes a string comparison on a mismatch very unlikely. */
static uint64_t hash_str(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 1099511628211u;
    }
    return h;
}

void egdi__strmap_free(egdi__strmap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

void egdi__strmap_clear(egdi__strmap *m)
{
    if (m->cap)
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->n = 0;
}

static size_t slot_of(const egdi__strmap *m, const char *key, uint64_t h, int *found)
{
    size_t mask = m->cap - 1, i = (size_t)(h ^ (h >> 32)) & mask;
    for (;;) {
        const egdi__strmap_entry *e = &m->slots[i];
        if (!e->key) {
            *found = 0;
            return i;
        }
        if (e->hash == h && strcmp(e->key, key) == 0) {
            *found = 1;
            return i;
        }
        i = (i + 1) & mask;
    }
}

static int grow(egdi__strmap *m, size_t want_cap)
{
    egdi__strmap_entry *slots = calloc(want_cap, sizeof *slots);
    if (!slots)
        return 0;
    egdi__strmap old = *m;
    m->slots = slots;
    m->cap = want_cap;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key) {
            int found;
            m->slots[slot_of(m, old.slots[i].key, old.slots[i].hash, &found)] = old.slots[i];
        }
    free(old.slots);
    return 1;
}

int egdi__strmap_reserve(egdi__strmap *m, size_t n)
{
    /* keep the load factor at or below 1/2 */
    if (n <= SIZE_MAX / 4 && 2 * n <= m->cap)
        return 1;
    size_t cap = m->cap ? m->cap : 16;
    while (cap < 2 * n) {
        if (cap > SIZE_MAX / 4 / sizeof(egdi__strmap_entry))
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
        *value = m->slots[s].value;
    return found;
}

int egdi__strmap_put(egdi__strmap *m, const char *key, size_t value, size_t *existing)
{
    if (!egdi__strmap_reserve(m, m->n + 1))
        return -1;
    uint64_t h = hash_str(key);
    int found;
    size_t s = slot_of(m, key, h, &found);
    if (found) {
        if (existing)
            *existing = m->slots[s].value;
        return 0;
    }
    m->slots[s].key = key;
    m->slots[s].value = value;
    m->slots[s].hash = h;
    m->n++;
    return 1;
}

int egdi__strmap_copy(egdi__strmap *dst, const egdi__strmap *src,
                      const char *(*key_of)(const void *ctx, size_t value), const void *ctx)
{
    egdi__strmap_free(dst);
    if (src->cap == 0)
        return 1;
    dst->slots = malloc(src->cap * sizeof *dst->slots);
    if (!dst->slots)
        return 0;
    memcpy(dst->slots, src->slots, src->cap * sizeof *dst->slots);
    for (size_t i = 0; i < src->cap; i++)
        if (dst->slots[i].key)
            dst->slots[i].key = key_of(ctx, dst->slots[i].value);
    dst->n = src->n;
    dst->cap = src->cap;
    return 1;
}
