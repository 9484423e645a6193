<?xml version="1.0" encoding="UTF-8"?>
<!--
  hu-probation-xml (test only) -> contract v1 submission.
  The result is an XDM map, serialised as JSON by the engine. Codes go through
  fg:to-contract('<list>', @attribute): given a node, the engine reports its XPath when the code
  cannot be mapped. fg:mapping-error(node, value, message) reports anything else.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fg="urn:focus-gateway:mappings"
    xmlns:k="urn:hu:partfogo:kornyezettanulmany:1"
    xmlns:local="urn:local"
    exclude-result-prefixes="#all">

  <xsl:param name="system" as="map(*)"/>

  <!-- An entry only when there is a value: JSON members the payload lacks stay out. -->
  <xsl:function name="local:entry" as="map(*)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="item()*"/>
    <xsl:sequence select="if (exists($value)) then map { $key: $value } else map { }"/>
  </xsl:function>

  <xsl:function name="local:text" as="map(*)?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="if ($value) then map { 'value': $value, 'lang': $system?language } else ()"/>
  </xsl:function>

  <xsl:function name="local:integer" as="xs:integer?">
    <xsl:param name="attribute" as="attribute()?"/>
    <xsl:sequence select="
      if (empty($attribute)) then ()
      else if ($attribute castable as xs:integer) then xs:integer($attribute)
      else fg:mapping-error($attribute, string($attribute), 'expected a whole number')"/>
  </xsl:function>

  <xsl:template match="/k:kornyezettanulmany">
    <xsl:variable name="born" select="string(k:gyermek/@szuletett)"/>
    <xsl:variable name="heard" select="k:ertekeles/k:velemeny"/>
    <xsl:sequence select="map {
      'messageId': string(k:uzenet/@azonosito),
      'contractVersion': '1.0',
      'sourceCountry': $system?country,
      'sourceAgency': $system?agencyId,
      'recipients': array { k:uzenet/k:cimzett ! string(.) },
      'purposeOfUse': fg:to-contract('cel', k:uzenet/@cel),
      'legalBasis': map { 'basis': 'LED_ART_8' },
      'sentAt': string(k:uzenet/@kuldve),
      'record': map:merge((
        map {
          'recordId': string(k:nyilvantartas/@azonosito),
          'contractVersion': '1.0',
          'child': map:merge((
            map {
              'name': map { 'given': string(k:gyermek/@utonev), 'family': string(k:gyermek/@csaladnev) },
              'birthDate': map {
                'value': $born,
                'precision': if (string-length($born) = 10) then 'DAY'
                  else if (string-length($born) = 7) then 'MONTH' else 'YEAR'
              },
              'ageStatus': 'VERIFIED'
            },
            local:entry('language', fg:to-contract('nyelv', k:gyermek/@nyelv)),
            local:entry('interpreterNeeded', k:gyermek/@tolmacs ! xs:boolean(.))
          )),
          'guardians': array { },
          'case': map {
            'caseRef': string(k:ugy/@ugyszam),
            'jurisdiction': $system?country,
            'proceedingType': 'CRIMINAL',
            'stage': fg:to-contract('szakasz', k:ugy/@szakasz),
            'childRoles': array {
              k:ugy/k:szerep ! map:merge((
                local:entry('role', fg:to-contract('szerep', @kod)),
                map { 'period': map:merge((
                  map { 'start': string(@kezdete) },
                  local:entry('end', @vege ! string(.))
                )) }
              ))
            }
          },
          'assessment': map {
            'assessmentId': string(k:ertekeles/@azonosito),
            'status': 'final',
            'legalFramework': 'D2016_800_A7',
            'trigger': 'INITIAL',
            'findings': array {
              k:ertekeles/k:megallapitas ! map:merge((
                local:entry('domain', fg:to-contract('terulet', @terulet)),
                local:entry('summary', local:text(normalize-space(.))),
                local:entry('basis', fg:to-contract('alap', @alap)),
                local:entry('sensitivity', fg:to-contract('terulet-erzekenyseg', @terulet))
              ))
            },
            'childViews': map:merge((
              local:entry('howHeard', fg:to-contract('meghallgatas', $heard/@meghallgatas)),
              local:entry('notHeardReason', local:text($heard/@ok)),
              local:entry('viewsSummary', local:text(normalize-space($heard)))
            ))
          },
          'assessors': array {
            map:merge((
              map { 'role': 'LEAD', 'profession': 'PROBATION_OFFICER', 'agencyType': 'PROBATION_YOUTH_JUSTICE' },
              local:entry('name', k:partfogo/@nev ! string(.))
            ))
          },
          'provenance': map {
            'authoringAgency': $system?agencyId,
            'authoringSystem': $system?name,
            'recordedAt': string(k:nyilvantartas/@rogzitve)
          }
        },
        local:entry('version', local:integer(k:nyilvantartas/@verzio))
      ))
    }"/>
  </xsl:template>
</xsl:stylesheet>
