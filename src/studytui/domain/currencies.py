"""The currency codes an amount may name: ISO 4217's, so a typo such as "UDS" or "XYZ" is
caught instead of becoming a currency of its own.

Source: the ISO 4217 code list as published by its maintenance agency (SIX Group) and packaged
in Debian's iso-codes 4.15.0 (checked 2026-11-29), plus the two codes added since: XCG (Caribbean
guilder, in use from 2025-03-31) and ZWG (Zimbabwe Gold, 2024). Withdrawn codes that list still
carries (HRK, SLL, ZWL...) stay accepted: an old payment in one of them is still a payment.
XTS (reserved for testing) and XXX ("no currency") are left out: neither is money.
"""

from __future__ import annotations

_CODES = """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN
BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP
ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR
ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD
MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL
THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF
XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL
"""
ISO_4217 = frozenset(_CODES.split())
