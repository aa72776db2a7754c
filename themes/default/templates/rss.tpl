{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>{{TITLE}}</title>
<link>{{LINK}}</link>
<description>{{DESCRIPTION}}</description>
<language>{{LANG}}</language>
<atom:link href="{{SELF}}" rel="self" type="application/rss+xml"/>
{{#HUB}}<atom:link href="{{HUB_URL}}" rel="hub"/>
{{/HUB}}{{#HAS_BUILD_DATE}}<lastBuildDate>{{BUILD_DATE}}</lastBuildDate>
{{/HAS_BUILD_DATE}}<generator>Khabar</generator>
{{#ITEM}}<item>
<title>{{TITLE}}</title>
<link>{{LINK}}</link>
<guid isPermaLink="true">{{LINK}}</guid>
<pubDate>{{DATE}}</pubDate>
{{#CREATOR}}<dc:creator>{{NAME}}</dc:creator>
{{/CREATOR}}{{#HAS_CATEGORY}}<category>{{CATEGORY}}</category>
{{/HAS_CATEGORY}}<description>{{EXCERPT}}</description>
</item>
{{/ITEM}}</channel>
</rss>
