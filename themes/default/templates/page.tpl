{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="{{S_BREADCRUMB}}">
  <ol>
    {{#CRUMB}}<li><a href="{{URL}}">{{NAME}}</a></li>
    {{/CRUMB}}<li><span aria-current="page">{{TITLE}}</span></li>
  </ol>
</nav>
<article class="story static-page">
  <h1>{{TITLE}}</h1>
  <div class="story-body">
{{BODY:none}}
  </div>
</article>
