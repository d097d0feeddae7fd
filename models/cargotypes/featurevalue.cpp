// SPDX-License-Identifier: GPL-3.0-or-later
#include "featurevalue.h"

using namespace Qt::Literals::StringLiterals;

FeatureValue FeatureValue::parse(QStringView text)
{
    FeatureValue value;
    // cargo splits at the first '/', before looking for "dep:": "dep:x/f" is a DepFeature whose
    // dependency is literally "dep:x", which its validator then rejects.
    if (const qsizetype slash = text.indexOf(u'/'); slash >= 0) {
        value.type = Type::DepFeature;
        QStringView dep = text.left(slash);
        if (dep.endsWith(u'?')) {
            value.weak = true;
            dep.chop(1);
        }
        value.name = dep.toString();
        value.depFeature = text.mid(slash + 1).toString();
        return value;
    }
    if (text.startsWith(u"dep:")) {
        value.type = Type::Dep;
        value.name = text.mid(4).toString();
        return value;
    }
    value.name = text.toString();
    return value;
}

QString FeatureValue::toString() const
{
    switch (type) {
    case Type::Feature:
        return name;
    case Type::Dep:
        return u"dep:"_s + name;
    case Type::DepFeature:
        return name + (weak ? u"?/"_s : u"/"_s) + depFeature;
    }
    return name;
}
