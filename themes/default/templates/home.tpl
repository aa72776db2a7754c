{{%AUTOESCAPE context="HTML"}}<h1 class="visually-hidden">{{SITE_TITLE}}</h1>
{{#LEAD}}<section class="lead" aria-labelledby="lead-heading">
<h2 id="lead-heading" class="visually-hidden">{{S_LEAD_STORY}}</h2>
{{>CARD}}
</section>{{/LEAD}}
<section class="latest" aria-labelledby="latest-heading">
  <h2 id="latest-heading" class="section-heading">{{S_LATEST}}</h2>
  <div class="cards">
  {{#LATEST}}{{>CARD}}
  {{/LATEST}}
  </div>
  {{#EMPTY}}<p class="empty">{{S_NO_ARTICLES}}</p>{{/EMPTY}}
</section>
{{#SECTION}}<section class="category-section">
  <h2 class="section-heading"><a href="{{URL}}">{{NAME}}</a></h2>
  <div class="cards">
  {{#ITEM}}{{>CARD}}
  {{/ITEM}}
  </div>
  <p class="more"><a href="{{URL}}">{{MORE}}</a></p>
</section>
{{/SECTION}}{{>PAGINATION}}
