/**
 * @file members.h
 * @brief (being written)
 */
#ifndef EGDI_MEMBERS_H
#define EGDI_MEMBERS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
