{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{LANG}}" xml:base="{{BASE}}">
<title>{{TITLE}}</title>
{{#HAS_SUBTITLE}}<subtitle>{{SUBTITLE}}</subtitle>
{{/HAS_SUBTITLE}}<id>{{LINK}}</id>
<link rel="alternate" type="text/html" href="{{LINK}}"/>
<link rel="self" type="application/atom+xml" href="{{SELF}}"/>
{{#HUB}}<link rel="hub" href="{{HUB_URL}}"/>
{{/HUB}}<updated>{{UPDATED}}</updated>
<author><name>{{SITE}}</name></author>
<generator>Khabar</generator>
{{#ENTRY}}<entry xml:lang="{{LANG}}">
<id>{{ID}}</id>
<title>{{TITLE}}</title>
<link rel="alternate" type="text/html" href="{{LINK}}"/>
<published>{{PUBLISHED}}</published>
<updated>{{UPDATED}}</updated>
{{#AUTHOR}}<author><name>{{NAME}}</name><uri>{{URI}}</uri></author>
{{/AUTHOR}}{{#CATEGORY}}<category term="{{TERM}}" scheme="{{SCHEME}}"/>
{{/CATEGORY}}<summary>{{SUMMARY}}</summary>
<content type="html">{{CONTENT}}</content>
</entry>
{{/ENTRY}}</feed>
