// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the local policy file reader, md::Policies::parse, and asks the result for the model
// names the input mentions plus one it does not.

#include "FuzzSupport.h"

#include "actions/Policy.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = md::fuzz::bytesOf(data, size);
    auto policies = md::Policies::parse(input, u"policies.json"_s);
    if (!policies) {
        (void)policies.error().toString();
        return 0;
    }
    for (const QString &model : {u"car_price_model"_s, u""_s, u"not-in-the-file"_s}) {
        const md::ModelPolicy p = policies->forModel(model);
        (void)md::schemeName(p.scheme);
        (void)p.where.size();
    }
    return 0;
}
